namespace ShelfReady.Inference;

/// <summary>How models are found and run: folder of model cards, execution providers, threads and batch cap.</summary>
public sealed class InferenceOptions
{
    /// <summary>Provider names <see cref="ExecutionProviders"/> may list, in the spelling used in configuration.</summary>
    public static IReadOnlyList<string> KnownProviders { get; } = ["TensorRT", "CUDA", "CPU"];

    /// <summary>Folder holding model cards (models/&lt;name&gt;/card.json) and model files. Default "models".</summary>
    public string ModelsDirectory { get; set; } = "models";

    /// <summary>
    /// Execution providers in order of preference, from <see cref="KnownProviders"/>: e.g. ["TensorRT", "CUDA",
    /// "CPU"]. Providers that cannot be enabled are skipped and reported; CPU always remains as the fallback.
    /// Empty by default, which means ["CPU"] (see <see cref="PreferredProviders"/>): a non-empty default would be
    /// appended to, not replaced, by the configuration binder.
    /// </summary>
    public IList<string> ExecutionProviders { get; set; } = [];

    /// <summary>The providers to try, in order: <see cref="ExecutionProviders"/>, or ["CPU"] when none are listed.</summary>
    public IReadOnlyList<string> PreferredProviders => ExecutionProviders.Count == 0 ? ["CPU"] : [.. ExecutionProviders];

    /// <summary>GPU ordinal for CUDA and TensorRT, ≥ 0. Default 0.</summary>
    public int DeviceId { get; set; }

    /// <summary>Threads within one operator, ≥ 0; 0 lets ONNX Runtime choose (one per physical core). Default 0.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Threads running independent operators in parallel, ≥ 0; 1 runs the graph sequentially. Default 1.</summary>
    public int InterOpThreads { get; set; } = 1;

    /// <summary>Largest batch sent in one run when the model's batch dimension is dynamic, 1–256. Default 8.</summary>
    public int MaxBatch { get; set; } = 8;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ModelsDirectory))
        {
            throw new ArgumentException("InferenceOptions.ModelsDirectory must name a folder.", nameof(ModelsDirectory));
        }

        if (ExecutionProviders is null)
        {
            throw new ArgumentException("InferenceOptions.ExecutionProviders must be a list; leave it empty for [\"CPU\"].", nameof(ExecutionProviders));
        }

        foreach (var provider in ExecutionProviders)
        {
            if (!KnownProviders.Contains(provider, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException(
                    $"InferenceOptions.ExecutionProviders contains unknown provider '{provider}'. Known: {string.Join(", ", KnownProviders)}.",
                    nameof(ExecutionProviders));
            }
        }

        if (ExecutionProviders.Distinct(StringComparer.OrdinalIgnoreCase).Count() != ExecutionProviders.Count)
        {
            throw new ArgumentException("InferenceOptions.ExecutionProviders lists a provider twice.", nameof(ExecutionProviders));
        }

        ThrowIfOutside(DeviceId, 0, int.MaxValue, nameof(DeviceId));
        ThrowIfOutside(IntraOpThreads, 0, 1024, nameof(IntraOpThreads));
        ThrowIfOutside(InterOpThreads, 0, 1024, nameof(InterOpThreads));
        ThrowIfOutside(MaxBatch, 1, 256, nameof(MaxBatch));
    }

    private static void ThrowIfOutside(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException($"InferenceOptions.{name} must be within [{min}, {max}]; it is {value}.", name);
        }
    }
}
