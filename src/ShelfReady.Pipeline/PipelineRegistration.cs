using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline;

/// <summary>Registers the pipeline's workflows and activities under their shared names.</summary>
public static class PipelineRegistration
{
    /// <summary>The activities that decode or encode full-resolution images: the ones to limit per core.</summary>
    public static IReadOnlyList<string> HeavyActivities { get; } =
        [ActivityNames.Ingest, ActivityNames.AnalyzeImage, ActivityNames.Segment, ActivityNames.Compose, ActivityNames.QualityCheck, ActivityNames.Export];

    /// <summary>Adds ProcessImage, ProcessBatch and every activity they call.</summary>
    public static WorkflowRegistry AddShelfReadyPipeline(this WorkflowRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddWorkflow<ProcessImageWorkflow>(WorkflowNames.ProcessImage)
            .AddWorkflow<ProcessBatchWorkflow>(WorkflowNames.ProcessBatch)
            .AddActivity<LoadSettingsActivity>(ActivityNames.LoadSettings)
            .AddActivity<IngestActivity>(ActivityNames.Ingest)
            .AddActivity<ClassifyCategoryActivity>(ActivityNames.ClassifyCategory)
            .AddActivity<AnalyzeImageActivity>(ActivityNames.AnalyzeImage)
            .AddActivity<SegmentActivity>(ActivityNames.Segment)
            .AddActivity<ComposeActivity>(ActivityNames.Compose)
            .AddActivity<QualityCheckActivity>(ActivityNames.QualityCheck)
            .AddActivity<RequestReviewActivity>(ActivityNames.RequestReview)
            .AddActivity<ExportActivity>(ActivityNames.Export)
            .AddActivity<NotifyActivity>(ActivityNames.Notify)
            .AddActivity<DeliverWebhookActivity>(ActivityNames.DeliverWebhook)
            .AddActivity<CheckBatchActivity>(ActivityNames.CheckBatch)
            .AddActivity<PackageActivity>(ActivityNames.Package);
    }
}
