using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Inference;
using ShelfReady.Pipeline.Compliance;

namespace ShelfReady.Adapters.Composition;

/// <summary>Adds the compliance check's text detector: "Compliance:TextModel" (default ppocr-v4-det), "none" to turn it off.</summary>
public static class ComplianceServiceCollectionExtensions
{
    /// <summary>The configuration key naming the text detector's model card.</summary>
    public const string TextModelKey = "Compliance:TextModel";

    /// <summary>Registers <see cref="TextDetectorSource"/>; a missing model is reported by each check, not at start-up.</summary>
    public static IServiceCollection AddShelfReadyCompliance(this IServiceCollection services, IConfiguration configuration)
    {
        var model = configuration[TextModelKey] ?? TextDetectorSource.DefaultModel;
        if (string.Equals(model, "none", StringComparison.OrdinalIgnoreCase))
        {
            return services;
        }

        services.AddSingleton(_ =>
        {
            var options = configuration.GetSection("Inference").Get<InferenceOptions>() ?? new InferenceOptions();
            options.Validate();
            return new TextDetectorSource(options.ModelsDirectory, model, options);
        });
        return services;
    }
}
