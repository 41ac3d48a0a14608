using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NetVips;
using ShelfReady.Imaging;
using ShelfReady.Inference.Models;
using ShelfReady.Inference.Providers;

namespace ShelfReady.Inference.Preprocessing;

/// <summary>
/// One ONNX Runtime session for one model card, with a pre-allocated input buffer sized for the largest batch.
/// Runs are serialised by a lock because the buffer is shared; the session itself is reused for the process.
/// </summary>
internal sealed class ModelSession : IDisposable
{
    private readonly Lock gate = new();
    private readonly SessionOptions sessionOptions;
    private readonly InferenceSession session;
    private readonly float[] inputBuffer;
    private readonly int fixedBatch;
    private readonly string inputName;
    private readonly string outputName;

    public ModelSession(ModelCard card, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        VipsRuntime.EnsureConfigured();
        if (!card.IsInstalled)
        {
            throw new FileNotFoundException(
                $"Model file for '{card.Name}' is not installed: {card.ModelPath}. Download it from {card.Provenance.Source} (see models/README.md).",
                card.ModelPath);
        }

        VerifyChecksum(card);
        Card = card;
        sessionOptions = ExecutionProviders.CreateSessionOptions(options, out var report);
        Providers = report;
        try
        {
            session = new InferenceSession(card.ModelPath, sessionOptions);
            inputName = card.Input.Name ?? SingleInput(card, session);
            fixedBatch = InspectInput(card, session, inputName);
            outputName = InspectOutput(card, session);
            OutputDimensions = session.OutputMetadata[outputName].Dimensions;
        }
        catch
        {
            session?.Dispose();
            sessionOptions.Dispose();
            throw;
        }

        // Sizes differ per image when the card resizes by a limit side, so such images cannot share a batch.
        MaxBatch = card.Input.Resize == ResizeMode.LimitSide ? 1 : fixedBatch > 0 ? fixedBatch : options.MaxBatch;
        inputBuffer = new float[MaxBatch * TensorPacker.ElementsPerImage(card.Input)];
    }

    public ModelCard Card { get; }

    public ProviderReport Providers { get; }

    /// <summary>Declared dimensions of the output the card selects; −1 where dynamic.</summary>
    public int[] OutputDimensions { get; } = [];

    /// <summary>The model's fixed batch size, or the configured cap when the batch dimension is dynamic.</summary>
    public int MaxBatch { get; }

    /// <summary>
    /// Resizes <paramref name="images"/> on the calling thread, then, taking turns for the shared buffer,
    /// normalises them into it and runs the model once for all of them.
    /// </summary>
    public OutputTensor Run(IReadOnlyList<Image> images, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count < 1 || images.Count > MaxBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(images), images.Count, $"Send 1 to {MaxBatch} images per run to '{Card.Name}'.");
        }

        var spec = Card.Input;
        var resized = images.Select(image => TensorPacker.Resize(image, spec)).ToArray();
        var (width, height) = TensorPacker.TargetSize(spec, images[0].Width, images[0].Height);
        var length = 3 * width * height;

        // A model with a fixed batch larger than the request still needs its full batch: the rest stays zero.
        var batch = fixedBatch > 0 ? fixedBatch : images.Count;
        long[] shape = spec.Layout == TensorLayout.Nchw ? [batch, 3, height, width] : [batch, height, width, 3];
        lock (gate)
        {
            for (var i = 0; i < resized.Length; i++)
            {
                TensorPacker.Pack(resized[i], spec, width, height, inputBuffer.AsSpan(i * length, length));
            }

            inputBuffer.AsSpan(images.Count * length, (batch - images.Count) * length).Clear();
            cancellationToken.ThrowIfCancellationRequested();
            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, inputBuffer.AsMemory(0, batch * length), shape);
            using var runOptions = new RunOptions();
            using var cancel = cancellationToken.Register(() => runOptions.Terminate = true);
            try
            {
                using var outputs = session.Run(runOptions, [inputName], [input], [outputName]);
                var output = outputs[0];
                return new OutputTensor(output.GetTensorDataAsSpan<float>().ToArray(), output.GetTensorTypeAndShape().Shape, images.Count);
            }
            catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }

    public void Dispose()
    {
        session.Dispose();
        sessionOptions.Dispose();
    }

    /// <summary>Checks the graph input against the card; returns the fixed batch size, or 0 when dynamic.</summary>
    private static string SingleInput(ModelCard card, InferenceSession session) =>
        session.InputNames.Count == 1
            ? session.InputNames[0]
            : throw new ModelCardException(
                $"Model '{card.Name}' has inputs {string.Join(", ", session.InputNames)}; set input.name in {card.CardPath} to the image input.");

    private static int InspectInput(ModelCard card, InferenceSession session, string inputName)
    {
        if (!session.InputMetadata.TryGetValue(inputName, out var metadata))
        {
            throw new ModelCardException(
                $"Model '{card.Name}' has no input '{inputName}'; its inputs are {string.Join(", ", session.InputNames)}. Fix input.name in {card.CardPath}.");
        }

        if (metadata.ElementDataType != TensorElementType.Float)
        {
            throw new ModelCardException($"Model '{card.Name}' input '{inputName}' is {metadata.ElementDataType}; only float inputs are supported.");
        }

        var dims = metadata.Dimensions;
        int[] expected = card.Input.Layout == TensorLayout.Nchw ? [3, card.Input.Height, card.Input.Width] : [card.Input.Height, card.Input.Width, 3];
        var sizeFixed = card.Input.Resize != ResizeMode.LimitSide;
        if (dims.Length != 4 || Enumerable.Range(0, 3).Any(i => dims[i + 1] > 0 && dims[i + 1] != expected[i] && (sizeFixed || expected[i] == 3)))
        {
            throw new ModelCardException(
                $"Model '{card.Name}' input '{inputName}' has shape [{string.Join(", ", dims)}] but the card says {card.Input.Layout} " +
                $"{card.Input.Width}×{card.Input.Height} with 3 channels. Fix input.layout/width/height in {card.CardPath}.");
        }

        return Math.Max(dims[0], 0);
    }

    private static string InspectOutput(ModelCard card, InferenceSession session)
    {
        if (card.Output.Index >= session.OutputNames.Count)
        {
            throw new ModelCardException(
                $"Model '{card.Name}' has {session.OutputNames.Count} output(s); output.index {card.Output.Index} does not exist. Fix {card.CardPath}.");
        }

        var name = session.OutputNames[card.Output.Index];
        if (session.OutputMetadata[name].ElementDataType != TensorElementType.Float)
        {
            throw new ModelCardException($"Model '{card.Name}' output '{name}' is {session.OutputMetadata[name].ElementDataType}; only float outputs are supported.");
        }

        return name;
    }

    private static void VerifyChecksum(ModelCard card)
    {
        if (card.Provenance.Sha256 is not { } expected)
        {
            return;
        }

        using var stream = File.OpenRead(card.ModelPath);
        var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        if (actual != expected)
        {
            throw new InvalidDataException(
                $"Model file {card.ModelPath} has SHA-256 {actual}; its card {card.CardPath} expects {expected}. Re-download it or fix the card.");
        }
    }
}
