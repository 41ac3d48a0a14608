using Microsoft.ML.OnnxRuntime;

namespace ShelfReady.Inference.Providers;

/// <summary>
/// Registers ONNX Runtime execution providers in the configured order of preference. A provider whose native
/// library is missing (CUDA on the CPU build, or no driver) is recorded as a failure and the next one is tried;
/// CPU is always there underneath, as ONNX Runtime assigns any node the others cannot run to it.
/// </summary>
public static class ExecutionProviders
{
    /// <summary>Name of the CPU provider.</summary>
    public const string Cpu = "CPU";

    /// <summary>Name of the CUDA provider.</summary>
    public const string Cuda = "CUDA";

    /// <summary>Name of the TensorRT provider.</summary>
    public const string TensorRt = "TensorRT";

    /// <summary>True for the GPU providers (CUDA, TensorRT).</summary>
    public static bool IsGpu(string provider) =>
        string.Equals(provider, Cuda, StringComparison.OrdinalIgnoreCase) || string.Equals(provider, TensorRt, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Creates session options with the thread settings and providers of <paramref name="options"/>. The caller
    /// owns the returned options.
    /// </summary>
    public static SessionOptions CreateSessionOptions(InferenceOptions options, out ProviderReport report)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = options.InterOpThreads,
            ExecutionMode = options.InterOpThreads > 1 ? ExecutionMode.ORT_PARALLEL : ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            report = Append(sessionOptions, options);
            return sessionOptions;
        }
        catch
        {
            sessionOptions.Dispose();
            throw;
        }
    }

    /// <summary>Reports what <see cref="CreateSessionOptions"/> would enable, without loading a model: for health checks.</summary>
    public static ProviderReport Probe(InferenceOptions options)
    {
        using var sessionOptions = CreateSessionOptions(options, out var report);
        return report;
    }

    private static ProviderReport Append(SessionOptions sessionOptions, InferenceOptions options)
    {
        var requested = options.PreferredProviders.Select(Canonical).ToArray();
        var failures = new List<string>();
        string? active = null;
        foreach (var provider in requested)
        {
            if (provider == Cpu)
            {
                active ??= Cpu;

                // CPU is the implicit last resort; providers after it would never be preferred.
                break;
            }

            try
            {
                if (provider == Cuda)
                {
                    sessionOptions.AppendExecutionProvider_CUDA(options.DeviceId);
                }
                else
                {
                    sessionOptions.AppendExecutionProvider_Tensorrt(options.DeviceId);
                }

                active ??= provider;
            }
            catch (Exception exception) when (exception is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException)
            {
                failures.Add($"{provider}: {exception.Message}");
            }
        }

        return new ProviderReport(requested, active ?? Cpu, failures);
    }

    private static string Canonical(string provider) =>
        InferenceOptions.KnownProviders.First(known => string.Equals(known, provider, StringComparison.OrdinalIgnoreCase));
}
