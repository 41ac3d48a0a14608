namespace ShelfReady.Inference.Providers;

/// <summary>Which execution providers were asked for, which one leads, and why the others could not be enabled.</summary>
/// <param name="Requested">Providers in configured order of preference.</param>
/// <param name="Active">The preferred provider that was enabled; "CPU" when no other could be.</param>
/// <param name="Failures">One line per provider that failed to enable: "CUDA: &lt;error&gt;".</param>
public sealed record ProviderReport(IReadOnlyList<string> Requested, string Active, IReadOnlyList<string> Failures)
{
    /// <summary>True when the configuration asks for a GPU provider (CUDA or TensorRT).</summary>
    public bool GpuRequested => Requested.Any(ExecutionProviders.IsGpu);

    /// <summary>True when a GPU provider is active.</summary>
    public bool GpuActive => ExecutionProviders.IsGpu(Active);

    /// <summary>False when a GPU provider was configured but inference fell back to CPU: a GPU deployment should not take traffic.</summary>
    public bool IsReady => !GpuRequested || GpuActive;

    /// <summary>Why <see cref="IsReady"/> is false; null when ready.</summary>
    public string? NotReadyReason => IsReady
        ? null
        : $"GPU execution was requested ({string.Join(", ", Requested.Where(ExecutionProviders.IsGpu))}) but is running on {Active}: {string.Join("; ", Failures)}";
}
