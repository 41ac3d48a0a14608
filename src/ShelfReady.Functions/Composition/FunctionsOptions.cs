using System.ComponentModel.DataAnnotations;

namespace ShelfReady.Functions.Composition;

/// <summary>The Functions app's own settings (section "ShelfReady"), validated at start-up.</summary>
public sealed class FunctionsOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ShelfReady";

    /// <summary>Blob endpoint used with managed identity (DefaultAzureCredential), e.g. https://acct.blob.core.windows.net/.</summary>
    public Uri? StorageAccountUri { get; set; }

    /// <summary>A connection string instead of managed identity: Azurite locally, never an account key in Azure.</summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>How often ProcessBatch looks for finished images. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan BatchPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long ProcessBatch waits for the listed images before delivering what is there. Default 24 h.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan BatchDeadline { get; set; } = TimeSpan.FromHours(24);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StorageAccountUri is null && string.IsNullOrWhiteSpace(StorageConnectionString))
        {
            yield return new ValidationResult(
                "ShelfReady:StorageAccountUri (managed identity) or ShelfReady:StorageConnectionString is required.",
                [nameof(StorageAccountUri)]);
        }

        if (BatchPollInterval > BatchDeadline)
        {
            yield return new ValidationResult("ShelfReady:BatchPollInterval must not exceed ShelfReady:BatchDeadline.", [nameof(BatchPollInterval)]);
        }
    }
}
