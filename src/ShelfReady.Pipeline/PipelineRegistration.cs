using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline;

/// <summary>Registers the pipeline's workflows and activities under their shared names.</summary>
public static class PipelineRegistration
{
    /// <summary>The activities that decode or encode full-resolution images: the ones to limit per core.</summary>
    public static IReadOnlyList<string> HeavyActivities { get; } =
        [ActivityNames.Ingest, ActivityNames.AnalyzeImage, ActivityNames.Segment, ActivityNames.Compose, ActivityNames.QualityCheck, ActivityNames.RequestReview, ActivityNames.CheckCompliance, ActivityNames.Export];

    /// <summary>Adds ProcessImage, ProcessBatch and every activity they call.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="decorate">Wraps each activity once created (name, activity), e.g. to journal executions; null for none.</param>
    public static WorkflowRegistry AddShelfReadyPipeline(this WorkflowRegistry registry, Func<string, IActivity, IActivity>? decorate = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry
            .AddWorkflow<ProcessImageWorkflow>(WorkflowNames.ProcessImage)
            .AddWorkflow<ProcessBatchWorkflow>(WorkflowNames.ProcessBatch);
        Add<LoadSettingsActivity>(ActivityNames.LoadSettings);
        Add<IngestActivity>(ActivityNames.Ingest);
        Add<ClassifyCategoryActivity>(ActivityNames.ClassifyCategory);
        Add<AnalyzeImageActivity>(ActivityNames.AnalyzeImage);
        Add<SegmentActivity>(ActivityNames.Segment);
        Add<ComposeActivity>(ActivityNames.Compose);
        Add<QualityCheckActivity>(ActivityNames.QualityCheck);
        Add<RequestReviewActivity>(ActivityNames.RequestReview);
        Add<CheckComplianceActivity>(ActivityNames.CheckCompliance);
        Add<ExportActivity>(ActivityNames.Export);
        Add<NotifyActivity>(ActivityNames.Notify);
        Add<DeliverWebhookActivity>(ActivityNames.DeliverWebhook);
        Add<CheckBatchActivity>(ActivityNames.CheckBatch);
        Add<PackageActivity>(ActivityNames.Package);
        return registry;

        void Add<TActivity>(string name)
            where TActivity : class, IActivity =>
            registry.AddActivity(name, services =>
            {
                var activity = ActivatorUtilities.CreateInstance<TActivity>(services);
                return decorate is null ? activity : decorate(name, activity);
            });
    }
}
