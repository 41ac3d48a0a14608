using System.Diagnostics;
using NetVips;
using ShelfReady.Imaging.Quality;
using ShelfReady.Inference.Models;
using ShelfReady.Inference.Preprocessing;
using ShelfReady.Inference.Providers;

namespace ShelfReady.Inference.Segmentation;

/// <summary>
/// A segmentation model described by a <see cref="ModelCard"/>, run with ONNX Runtime. One session per model,
/// reused; a batch of images is preprocessed into a pre-allocated buffer and run in one call. Thread-safe: calls
/// are serialised (a dispatcher that batches requests is the intended caller).
/// </summary>
public sealed class OnnxSegmentationModel : IDisposable
{
    private readonly ModelSession session;

    private OnnxSegmentationModel(ModelSession session, MaskRefinerOptions refinerOptions)
    {
        this.session = session;
        RefinerOptions = refinerOptions;
    }

    /// <summary>The card the model was opened from.</summary>
    public ModelCard Card => session.Card;

    /// <summary>Which execution provider runs it, and why any preferred one could not be enabled.</summary>
    public ProviderReport Providers => session.Providers;

    /// <summary>Most images per <see cref="Segment"/> call: 1 for a model with a fixed batch of 1, else the configured cap.</summary>
    public int MaxBatch => session.MaxBatch;

    /// <summary>Settings of the edge refinement applied to every matte.</summary>
    public MaskRefinerOptions RefinerOptions { get; }

    /// <summary>
    /// Opens the model of a segmentation card. Throws <see cref="FileNotFoundException"/> when the model file is
    /// not installed, <see cref="InvalidDataException"/> when its checksum differs from the card's, and
    /// <see cref="ModelCardException"/> when the graph does not match the card.
    /// </summary>
    public static OnnxSegmentationModel Open(ModelCard card, InferenceOptions options) => Open(card, options, null);

    /// <inheritdoc cref="Open(ModelCard, InferenceOptions)"/>
    /// <param name="card">A segmentation card.</param>
    /// <param name="options">Providers, threads and batch cap.</param>
    /// <param name="refinerOptions">Edge refinement settings; null for the defaults.</param>
    public static OnnxSegmentationModel Open(ModelCard card, InferenceOptions options, MaskRefinerOptions? refinerOptions)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.Task != ModelTask.Segmentation)
        {
            throw new ArgumentException($"Model '{card.Name}' is a {card.Task} model, not segmentation.", nameof(card));
        }

        refinerOptions ??= new MaskRefinerOptions();
        refinerOptions.Validate();
        return new OnnxSegmentationModel(new ModelSession(card, options), refinerOptions);
    }

    /// <summary>
    /// Segments 1 to <see cref="MaxBatch"/> images (3-band uchar sRGB, any sizes) with one model run, returning
    /// per image a matte of that image's size, refined by <see cref="MaskRefiner"/>. The caller disposes the masks.
    /// </summary>
    public IReadOnlyList<SegmentationMask> Segment(IReadOnlyList<Image> images, CancellationToken cancellationToken = default)
    {
        var predictions = PredictMasks(images, cancellationToken);
        var masks = new List<SegmentationMask>(predictions.Count);
        try
        {
            for (var i = 0; i < predictions.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                masks.Add(Refine(predictions[i], images[i]));
            }
        }
        catch
        {
            masks.ForEach(mask => mask.Dispose());
            throw;
        }
        finally
        {
            foreach (var prediction in predictions)
            {
                prediction.Dispose();
            }
        }

        return masks;
    }

    /// <summary>
    /// The model run alone: 1 to <see cref="MaxBatch"/> images in one run, a low-resolution mask per image. A
    /// service batching requests calls this on its dispatcher and lets each request <see cref="Refine"/> its own
    /// image in parallel, since refinement at full resolution costs more than the run itself on small models.
    /// </summary>
    public IReadOnlyList<LowResolutionMask> PredictMasks(IReadOnlyList<Image> images, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var maps = Predict(images, cancellationToken);
        var predictions = new List<LowResolutionMask>(maps.Count);
        foreach (var map in maps)
        {
            var mask = Image.NewFromMemoryCopy<byte>(map.ToBytes(), map.Width, map.Height, 1, Enums.BandFormat.Uchar);
            predictions.Add(new LowResolutionMask(mask, map.DecisiveShare(), clock.Elapsed));
        }

        return predictions;
    }

    /// <summary>
    /// Brings a prediction to a full-resolution matte of <paramref name="image"/>, the image it was predicted
    /// from. Safe to call from several threads at once, and alongside <see cref="PredictMasks"/>.
    /// </summary>
    public SegmentationMask Refine(LowResolutionMask prediction, Image image)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var clock = Stopwatch.StartNew();
        var matte = MaskRefiner.Refine(prediction.Mask, image, RefinerOptions);
        return new SegmentationMask(matte, prediction.Confidence, FillRatio.FindBounds(matte), prediction.Elapsed + clock.Elapsed);
    }

    /// <inheritdoc />
    public void Dispose() => session.Dispose();

    /// <summary>Runs the model and applies the card's activation and normalisation: probabilities at the model's output size.</summary>
    internal IReadOnlyList<ProbabilityMap> Predict(IReadOnlyList<Image> images, CancellationToken cancellationToken)
    {
        var output = session.Run(images, cancellationToken);
        var (height, width) = SpatialSize(output.Shape);
        var maps = new ProbabilityMap[output.Count];
        for (var i = 0; i < output.Count; i++)
        {
            var values = output.Item(i).ToArray();
            OutputActivations.Apply(values, Card.Output);
            maps[i] = new ProbabilityMap(width, height, values);
        }

        return maps;
    }

    /// <summary>Height and width of a one-channel output, [N, 1, H, W], [N, H, W] or [N, H, W, 1].</summary>
    private (int Height, int Width) SpatialSize(long[] shape)
    {
        var spatial = shape.Skip(1).Where(d => d != 1).ToArray();
        if (spatial.Length != 2)
        {
            throw new InvalidDataException(
                $"Model '{Card.Name}' output {Card.Output.Index} has shape [{string.Join(", ", shape)}]; a segmentation output has one channel and two spatial dimensions.");
        }

        return ((int)spatial[0], (int)spatial[1]);
    }
}
