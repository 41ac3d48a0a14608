using Microsoft.Extensions.Options;
using ShelfReady.Inference;

namespace ShelfReady.SegmentationService.Options;

/// <summary>Runs <see cref="InferenceOptions.Validate"/> at start-up so a bad <c>Inference</c> section stops the service with its message.</summary>
internal sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Inference: {ex.Message}");
        }
    }
}
