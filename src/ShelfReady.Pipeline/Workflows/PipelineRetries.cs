using ShelfReady.Orchestration;

namespace ShelfReady.Pipeline.Workflows;

/// <summary>The retry policies the pipeline's workflows give their activities.</summary>
public static class PipelineRetries
{
    /// <summary>Storage and image steps: four attempts, 2 s doubling to at most a minute.</summary>
    public static ActivityOptions Io { get; } = ActivityOptions.FromRetryPolicy(new RetryPolicy(4, TimeSpan.FromSeconds(2), 2, TimeSpan.FromMinutes(1)));

    /// <summary>Segmentation, which may call a GPU endpoint that scales from zero: five attempts, 5 s doubling to five minutes.</summary>
    public static ActivityOptions Segmentation { get; } = ActivityOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(5), 2, TimeSpan.FromMinutes(5)));
}
