using ShelfReady.Inference;
using ShelfReady.Inference.Models;
using ShelfReady.Inference.TextDetection;

namespace ShelfReady.Pipeline.Compliance;

/// <summary>
/// The text detector the compliance check uses, opened once from its card, or the reason there is none (a fresh
/// clone where npm has not installed the model), so the check can say text detection was not run.
/// </summary>
public sealed class TextDetectorSource : IDisposable
{
    /// <summary>The card name of the default detector, models/ppocr-v4-det.</summary>
    public const string DefaultModel = "ppocr-v4-det";

    private readonly Lazy<(OnnxTextDetector? Detector, string? Missing)> opened;

    /// <summary>Looks for <paramref name="model"/>'s card in <paramref name="modelsDirectory"/>; opens it on first use.</summary>
    public TextDetectorSource(string modelsDirectory, string model, InferenceOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelsDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(options);
        opened = new(() => Open(modelsDirectory, model, options));
    }

    /// <summary>The detector; null when it is not installed.</summary>
    public OnnxTextDetector? Detector => opened.Value.Detector;

    /// <summary>Why there is no detector; null when there is one.</summary>
    public string? Missing => opened.Value.Missing;

    /// <inheritdoc />
    public void Dispose()
    {
        if (opened.IsValueCreated)
        {
            opened.Value.Detector?.Dispose();
        }
    }

    private static (OnnxTextDetector?, string?) Open(string modelsDirectory, string model, InferenceOptions options)
    {
        var cardPath = Path.Combine(ModelsDirectory.Resolve(modelsDirectory), model, ModelCard.CardFileName);
        if (!File.Exists(cardPath))
        {
            return (null, $"no model card {cardPath}");
        }

        var card = ModelCard.Load(cardPath);
        return card.IsInstalled
            ? (OnnxTextDetector.Open(card, options), null)
            : (null, $"the model {card.Name} is not installed ({card.ModelPath}); run npm ci in the repository");
    }
}
