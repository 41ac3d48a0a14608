using System.Text.Json;
using NetVips;
using ShelfReady.Inference.Models;
using ShelfReady.Inference.Preprocessing;
using ShelfReady.Inference.Providers;

namespace ShelfReady.Inference.Classification;

/// <summary>
/// An image classifier described by a <see cref="ModelCard"/> (labels file, taxonomy to product categories,
/// confidence floor, top-K), run with ONNX Runtime. Thread-safe: calls are serialised.
/// </summary>
public sealed class OnnxImageClassifier : IDisposable
{
    /// <summary>Category reported when the classifier is not confident or the label maps to no category.</summary>
    public const string Unknown = "unknown";

    private const int DefaultTopK = 5;

    private readonly ModelSession session;
    private readonly IReadOnlyList<string> labels;
    private readonly IReadOnlyDictionary<string, string> taxonomy;

    private OnnxImageClassifier(ModelSession session, IReadOnlyList<string> labels, IReadOnlyDictionary<string, string> taxonomy)
    {
        this.session = session;
        this.labels = labels;
        this.taxonomy = taxonomy;
    }

    /// <summary>The card the model was opened from.</summary>
    public ModelCard Card => session.Card;

    /// <summary>Which execution provider runs it.</summary>
    public ProviderReport Providers => session.Providers;

    /// <summary>Labels in output order.</summary>
    public IReadOnlyList<string> Labels => labels;

    /// <summary>
    /// Opens the model of a classification card with its labels and taxonomy. Throws
    /// <see cref="ModelCardException"/> when the labels do not match the model's classes or the taxonomy is not a
    /// JSON object of strings.
    /// </summary>
    public static OnnxImageClassifier Open(ModelCard card, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.Task != ModelTask.Classification)
        {
            throw new ArgumentException($"Model '{card.Name}' is a {card.Task} model, not classification.", nameof(card));
        }

        var labels = File.ReadAllLines(card.LabelsPath!).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        var taxonomy = ReadTaxonomy(card);
        var session = new ModelSession(card, options);
        try
        {
            var classes = session.OutputDimensions[^1];
            if (session.OutputDimensions.Length != 2 || (classes > 0 && classes != labels.Length))
            {
                throw new ModelCardException(
                    $"Model '{card.Name}' output has shape [{string.Join(", ", session.OutputDimensions)}]; its label file {card.LabelsPath} lists {labels.Length} labels.");
            }

            return new OnnxImageClassifier(session, labels, taxonomy);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Classifies one 3-band uchar sRGB image.</summary>
    public ImageClassification Classify(Image rgb, CancellationToken cancellationToken = default)
    {
        var output = session.Run([rgb], cancellationToken);
        var probabilities = output.Item(0).ToArray();
        OutputActivations.Apply(probabilities, Card.Output);
        if (probabilities.Length != labels.Count)
        {
            throw new InvalidDataException($"Model '{Card.Name}' returned {probabilities.Length} scores for {labels.Count} labels.");
        }

        var top = Enumerable.Range(0, probabilities.Length)
            .OrderByDescending(i => probabilities[i])
            .ThenBy(i => i)
            .Take(Card.TopK ?? DefaultTopK)
            .Select(i => new ClassScore(labels[i], taxonomy.GetValueOrDefault(labels[i]), probabilities[i]))
            .ToList();
        var best = top[0];
        var category = best.Probability >= (Card.ConfidenceFloor ?? 0) && best.Category is not null ? best.Category : Unknown;
        return new ImageClassification(category, best.Probability, top);
    }

    /// <inheritdoc />
    public void Dispose() => session.Dispose();

    private static Dictionary<string, string> ReadTaxonomy(ModelCard card)
    {
        if (card.TaxonomyPath is null)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(card.TaxonomyPath))
                ?? throw new ModelCardException($"Taxonomy {card.TaxonomyPath} is null; expected a JSON object of label → category.");
        }
        catch (JsonException exception)
        {
            throw new ModelCardException($"Taxonomy {card.TaxonomyPath} must be a JSON object of label → category strings: {exception.Message}", exception);
        }
    }
}
