using Microsoft.Azure.Functions.Worker;
using ShelfReady.Durable;
using ShelfReady.Pipeline.Compliance;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Quality;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Functions.Activities;

/// <summary>
/// The activity functions, one per pipeline activity under its shared name: each hands its input to the same
/// activity class the embedded engine runs (<see cref="WorkflowActivityInvoker"/>), in a span per stage.
/// </summary>
/// <param name="activities">Runs the registry's activities.</param>
public sealed class PipelineActivities(WorkflowActivityInvoker activities)
{
    /// <summary>A merchant's settings snapshot.</summary>
    /// <param name="merchant">The activity input.</param>
    /// <param name="instanceId">The orchestration that scheduled it (Durable's binding data).</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>The activity output.</returns>
    [Function(ActivityNames.LoadSettings)]
    public Task<MerchantSettings> LoadSettings([ActivityTrigger] string merchant, string instanceId, CancellationToken cancellationToken) =>
        activities.RunAsync<string, MerchantSettings>(ActivityNames.LoadSettings, merchant, instanceId, cancellationToken);

    /// <summary>Decodes, validates and normalises an upload.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="instanceId">The orchestration that scheduled it (Durable's binding data).</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>The activity output.</returns>
    [Function(ActivityNames.Ingest)]
    public Task<IngestOutput> Ingest([ActivityTrigger] ProcessImageInput input, string instanceId, CancellationToken cancellationToken) =>
        activities.RunAsync<ProcessImageInput, IngestOutput>(ActivityNames.Ingest, input, instanceId, cancellationToken);

    /// <summary>The product category and naming values.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="instanceId">The orchestration that scheduled it (Durable's binding data).</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>The activity output.</returns>
    [Function(ActivityNames.ClassifyCategory)]
    public Task<CategoryOutput> ClassifyCategory([ActivityTrigger] ClassifyCategoryInput input, string instanceId, CancellationToken cancellationToken) =>
        activities.RunAsync<ClassifyCategoryInput, CategoryOutput>(ActivityNames.ClassifyCategory, input, instanceId, cancellationToken);

    /// <summary>Edge complexity, colour-match risk and background.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="instanceId">The orchestration that scheduled it (Durable's binding data).</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>The activity output.</returns>
    [Function(ActivityNames.AnalyzeImage)]
    public Task<AnalysisOutput> AnalyzeImage([ActivityTrigger] AnalyzeImageInput input, string instanceId, CancellationToken cancellationToken) =>
        activities.RunAsync<AnalyzeImageInput, AnalysisOutput>(ActivityNames.AnalyzeImage, input, instanceId, cancellationToken);

    /// <summary>The alpha matte.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="instanceId">The orchestration that scheduled it (Durable's binding data).</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>The activity output.</returns>
    [Function(ActivityNames.Segment)]
    public Task<SegmentOutput> Segment([ActivityTrigger] SegmentInput input, string instanceId, CancellationToken cancellationToken) =>
        activities.RunAsync<SegmentInput, SegmentOutput>(ActivityNames.Segment, input, instanceId, cancellationToken);

    /// <summary>The product on pure white at the target fill.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="instanceId">The orchestration that scheduled it (Durable's binding data).</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>The activity output.</returns>
    [Function(ActivityNames.Compose)]
    public Task<ComposeOutput> Compose([ActivityTrigger] ComposeInput input, string instanceId, CancellationToken cancellationToken) =>
        activities.RunAsync<ComposeInput, ComposeOutput>(ActivityNames.Compose, input, instanceId, cancellationToken);

    /// <summary>The composite's score and findings.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="instanceId">The orchestration that scheduled it (Durable's binding data).</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>The activity output.</returns>
    [Function(ActivityNames.QualityCheck)]
    public Task<QcResult> QualityCheck([ActivityTrigger] QualityCheckInput input, string instanceId, CancellationToken cancellationToken) =>
        activities.RunAsync<QualityCheckInput, QcResult>(ActivityNames.QualityCheck, input, instanceId, cancellationToken);

    /// <summary>Records a review request and tells the reviewers.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="instanceId">The orchestration that scheduled it (Durable's binding data).</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>The activity output.</returns>
    [Function(ActivityNames.RequestReview)]
    public Task<ReviewRequestOutput> RequestReview([ActivityTrigger] ReviewRequestInput input, string instanceId, CancellationToken cancellationToken) =>
        activities.RunAsync<ReviewRequestInput, ReviewRequestOutput>(ActivityNames.RequestReview, input, instanceId, cancellationToken);

    /// <summary>The photo's text, border, crop and scene evidence for the platforms' content rules.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="instanceId">The orchestration that scheduled it (Durable's binding data).</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>The activity output.</returns>
    [Function(ActivityNames.CheckCompliance)]
    public Task<ComplianceEvidence> CheckCompliance([ActivityTrigger] ComplianceInput input, string instanceId, CancellationToken cancellationToken) =>
        activities.RunAsync<ComplianceInput, ComplianceEvidence>(ActivityNames.CheckCompliance, input, instanceId, cancellationToken);

    /// <summary>One platform's verified files.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="instanceId">The orchestration that scheduled it (Durable's binding data).</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>The activity output.</returns>
    [Function(ActivityNames.Export)]
    public Task<ExportOutput> Export([ActivityTrigger] ExportInput input, string instanceId, CancellationToken cancellationToken) =>
        activities.RunAsync<ExportInput, ExportOutput>(ActivityNames.Export, input, instanceId, cancellationToken);

    /// <summary>Writes the outcome record and builds its webhook.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="instanceId">The orchestration that scheduled it (Durable's binding data).</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>The activity output.</returns>
    [Function(ActivityNames.Notify)]
    public Task<WebhookMessage> Notify([ActivityTrigger] ImageOutcome input, string instanceId, CancellationToken cancellationToken) =>
        activities.RunAsync<ImageOutcome, WebhookMessage>(ActivityNames.Notify, input, instanceId, cancellationToken);

    /// <summary>One webhook delivery attempt.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="instanceId">The orchestration that scheduled it (Durable's binding data).</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>The activity output.</returns>
    [Function(ActivityNames.DeliverWebhook)]
    public Task<WebhookAttempt> DeliverWebhook([ActivityTrigger] DeliverWebhookInput input, string instanceId, CancellationToken cancellationToken) =>
        activities.RunAsync<DeliverWebhookInput, WebhookAttempt>(ActivityNames.DeliverWebhook, input, instanceId, cancellationToken);

    /// <summary>Which of a batch's images have finished.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="instanceId">The orchestration that scheduled it (Durable's binding data).</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>The activity output.</returns>
    [Function(ActivityNames.CheckBatch)]
    public Task<BatchCheck> CheckBatch([ActivityTrigger] CheckBatchInput input, string instanceId, CancellationToken cancellationToken) =>
        activities.RunAsync<CheckBatchInput, BatchCheck>(ActivityNames.CheckBatch, input, instanceId, cancellationToken);

    /// <summary>A batch's delivery package.</summary>
    /// <param name="input">The activity input.</param>
    /// <param name="instanceId">The orchestration that scheduled it (Durable's binding data).</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>The activity output.</returns>
    [Function(ActivityNames.Package)]
    public Task<PackageOutput> Package([ActivityTrigger] PackageInput input, string instanceId, CancellationToken cancellationToken) =>
        activities.RunAsync<PackageInput, PackageOutput>(ActivityNames.Package, input, instanceId, cancellationToken);
}
