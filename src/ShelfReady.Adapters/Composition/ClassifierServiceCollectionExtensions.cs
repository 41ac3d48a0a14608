using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Inference;
using ShelfReady.Inference.Classification;
using ShelfReady.Inference.Models;
using ShelfReady.Pipeline.Classification;
using ShelfReady.Pipeline.Ports;

namespace ShelfReady.Adapters.Composition;

/// <summary>Adds the ONNX image classifier when "Classifier:Model" names a model card.</summary>
public static class ClassifierServiceCollectionExtensions
{
    /// <summary>The configuration key naming the classifier's model card; unset, no classifier runs.</summary>
    public const string ModelKey = "Classifier:Model";

    /// <summary>Registers <see cref="IProductClassifier"/> from the card named by <see cref="ModelKey"/>, run with the "Inference" section's options.</summary>
    public static IServiceCollection AddShelfReadyClassifier(this IServiceCollection services, IConfiguration configuration)
    {
        var model = configuration[ModelKey];
        if (string.IsNullOrWhiteSpace(model))
        {
            return services;
        }

        services.AddSingleton<IProductClassifier>(_ =>
        {
            var options = configuration.GetSection("Inference").Get<InferenceOptions>() ?? new InferenceOptions();
            options.Validate();
            options.ModelsDirectory = ModelsDirectory.Resolve(options.ModelsDirectory);
            var card = ModelCard.LoadAll(options.ModelsDirectory).FirstOrDefault(c => string.Equals(c.Name, model, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"{ModelKey} names '{model}', but no model card of that name is in '{options.ModelsDirectory}'.");
            return new OnnxProductClassifier(OnnxImageClassifier.Open(card, options));
        });
        return services;
    }
}
