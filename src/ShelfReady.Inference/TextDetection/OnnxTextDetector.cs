using System.Diagnostics;
using NetVips;
using ShelfReady.Inference.Models;
using ShelfReady.Inference.Preprocessing;
using ShelfReady.Inference.Providers;

namespace ShelfReady.Inference.TextDetection;

/// <summary>
/// A DB text detector described by a <see cref="ModelCard"/> (task "textDetection"), run with ONNX Runtime:
/// the card's preprocessing at a size limited by its limit side, one probability map, boxes by
/// <see cref="DetectionSpec"/>. Thread-safe; runs are serialised on the one session.
/// </summary>
public sealed class OnnxTextDetector : IDisposable
{
    private readonly ModelSession session;

    private OnnxTextDetector(ModelSession session) => this.session = session;

    /// <summary>The card the model was opened from.</summary>
    public ModelCard Card => session.Card;

    /// <summary>Which execution provider runs it.</summary>
    public ProviderReport Providers => session.Providers;

    /// <summary>
    /// Opens a text detection card's model. Throws <see cref="FileNotFoundException"/> when it is not installed,
    /// <see cref="InvalidDataException"/> on a checksum mismatch and <see cref="ModelCardException"/> when the graph does not match.
    /// </summary>
    public static OnnxTextDetector Open(ModelCard card, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.Task != ModelTask.TextDetection)
        {
            throw new ArgumentException($"Model '{card.Name}' is a {card.Task} model, not text detection.", nameof(card));
        }

        return new OnnxTextDetector(new ModelSession(card, options));
    }

    /// <summary>Finds text in <paramref name="rgb"/> (3-band uchar sRGB); boxes are in its pixels.</summary>
    public TextDetectionResult Detect(Image rgb, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        var clock = Stopwatch.StartNew();
        var output = session.Run([rgb], cancellationToken);
        var spatial = output.Shape.Skip(1).Where(d => d != 1).ToArray();
        if (spatial.Length != 2)
        {
            throw new InvalidDataException($"Model '{Card.Name}' output has shape [{string.Join(", ", output.Shape)}]; a DB detector returns one probability map.");
        }

        var (mapHeight, mapWidth) = ((int)spatial[0], (int)spatial[1]);
        var values = output.Item(0).ToArray();
        OutputActivations.Apply(values, Card.Output);
        var regions = DbBoxes.Extract(values, mapWidth, mapHeight, rgb.Width, rgb.Height, Card.Detection ?? new DetectionSpec());
        return new TextDetectionResult(regions, rgb.Width, rgb.Height, mapWidth, mapHeight, clock.Elapsed);
    }

    /// <inheritdoc />
    public void Dispose() => session.Dispose();
}
