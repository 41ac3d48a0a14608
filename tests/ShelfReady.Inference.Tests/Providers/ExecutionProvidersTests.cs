using ShelfReady.Inference.Models;
using ShelfReady.Inference.Providers;
using ShelfReady.Inference.Segmentation;
using ShelfReady.Inference.Tests.Support;

namespace ShelfReady.Inference.Tests.Providers;

public sealed class ExecutionProvidersTests
{
    [Fact]
    public void Probe_CudaThenCpuOnCpuBuild_FallsBackToCpuAndIsNotReady()
    {
        var report = ExecutionProviders.Probe(new InferenceOptions { ExecutionProviders = ["CUDA", "CPU"] });

        Assert.Equal(["CUDA", "CPU"], report.Requested);
        Assert.Equal("CPU", report.Active);
        Assert.Contains(report.Failures, f => f.StartsWith("CUDA:", StringComparison.Ordinal));
        Assert.True(report.GpuRequested);
        Assert.False(report.GpuActive);
        Assert.False(report.IsReady);
        Assert.Contains("CUDA", report.NotReadyReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_TensorRtCudaCpu_RecordsBothGpuFailures()
    {
        var report = ExecutionProviders.Probe(new InferenceOptions { ExecutionProviders = ["TensorRT", "CUDA", "CPU"] });

        Assert.Equal("CPU", report.Active);
        Assert.Equal(2, report.Failures.Count);
        Assert.StartsWith("TensorRT:", report.Failures[0], StringComparison.Ordinal);
        Assert.False(report.IsReady);
    }

    [Fact]
    public void Probe_CpuOnly_IsReady()
    {
        var report = ExecutionProviders.Probe(new InferenceOptions { ExecutionProviders = ["cpu"] });

        Assert.Equal("CPU", report.Active);
        Assert.Empty(report.Failures);
        Assert.False(report.GpuRequested);
        Assert.True(report.IsReady);
        Assert.Null(report.NotReadyReason);
    }

    [Fact]
    public void Open_CudaRequestedOnCpuBuild_StillRunsOnCpuAndReportsIt()
    {
        var card = ModelCard.Load(TinyModels.CardPath("studio-tiny"));

        using var model = OnnxSegmentationModel.Open(card, new InferenceOptions { ExecutionProviders = ["CUDA", "CPU"] });
        using var image = TestImages.Uniform(64, 48, 20, 20, 20);
        using var mask = model.Segment([image], TestContext.Current.CancellationToken)[0];

        Assert.Equal("CPU", model.Providers.Active);
        Assert.False(model.Providers.IsReady);
        Assert.Equal(255, mask.Matte.Min());
    }
}
