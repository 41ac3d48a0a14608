using ShelfReady.Imaging;
using ShelfReady.Imaging.Metadata;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Compliance;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Quality;
using ShelfReady.Pipeline.Routing;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Pipeline.Workflows;

/// <summary>Starts ProcessImage for one upload.</summary>
/// <param name="JobId">Derived from the blob path and content hash.</param>
/// <param name="Merchant">First segment of the upload path.</param>
/// <param name="Batch">Second segment of the upload path.</param>
/// <param name="Source">The upload.</param>
public sealed record ProcessImageInput(string JobId, string Merchant, string Batch, BlobPath Source);

/// <summary>Ingest's answer: a working master, or why the upload was refused.</summary>
public sealed record IngestOutput(
    bool Accepted,
    string? RejectionCode,
    string? RejectionReason,
    BlobPath? Master,
    int Width,
    int Height,
    string SourceFormat,
    string ShootGroupKey,
    ImageMetadata Metadata,
    IReadOnlyList<string> Notes);

/// <summary>Input of ClassifyCategory; the master is for the image classifier, when one is configured.</summary>
public sealed record ClassifyCategoryInput(ProcessImageInput Job, ImageMetadata Metadata, MerchantSettings Settings, BlobPath Master);

/// <summary>The product category, where it came from, and the values file names are made of.</summary>
public sealed record CategoryOutput(string Category, string Source, IReadOnlyDictionary<string, string?> NamingValues);

/// <summary>Input of AnalyzeImage.</summary>
public sealed record AnalyzeImageInput(string JobId, BlobPath Master);

/// <summary>What the image analysis measured.</summary>
public sealed record AnalysisOutput(double EdgeScore, ProductComplexity EdgeComplexity, double ColorMatchRisk, byte BackgroundR, byte BackgroundG, byte BackgroundB);

/// <summary>Input of Segment; the attempt number keeps each attempt's matte at its own path, the complexity decides whether a fallback may stand in.</summary>
public sealed record SegmentInput(string JobId, BlobPath Master, string Strategy, int Attempt, ProductComplexity Complexity);

/// <summary>The matte and what made it.</summary>
public sealed record SegmentOutput(BlobPath Mask, string Strategy, string Segmenter);

/// <summary>Input of Compose.</summary>
public sealed record ComposeInput(string JobId, BlobPath Master, BlobPath Mask, AnalysisOutput Analysis, double TargetFill, int Attempt);

/// <summary>The reference composite on pure white, the white-balance gains it applied, and where the source landed on it.</summary>
public sealed record ComposeOutput(BlobPath Composite, BlobPath CompositeMask, int Width, int Height, double Fill, double GainR, double GainG, double GainB, CompositeFrame Frame);

/// <summary>Input of QualityCheck.</summary>
public sealed record QualityCheckInput(string JobId, BlobPath Master, BlobPath Mask, ComposeOutput Composite, double TargetFill, QcThresholds Thresholds);

/// <summary>One cut-out attempt: matte, composite and score.</summary>
public sealed record CutOutAttempt(int Attempt, SegmentOutput Segment, ComposeOutput Composite, QcResult Qc);

/// <summary>Input of RequestReview.</summary>
/// <param name="Job">The image's job.</param>
/// <param name="Master">The working master (the "before" picture).</param>
/// <param name="Attempt">The cut-out attempt to decide on.</param>
/// <param name="Route">The route and why.</param>
/// <param name="Reviewers">Who is asked (the merchant's reviewers, plus the escalation group when escalating).</param>
/// <param name="DeadlineUtc">When the next reminder, escalation or timeout comes.</param>
/// <param name="Reminder">True for the reminder at the first deadline (and for the escalation after it).</param>
/// <param name="Escalation">True for the message to the escalation group at the second deadline.</param>
/// <param name="Category">The product category, shown to the reviewer.</param>
/// <param name="CategorySource">Who named the category.</param>
/// <param name="Settings">The merchant's settings: whose platforms the compliance verdicts are for.</param>
/// <param name="NamingValues">The upload's naming values ("pieces" declares a multi-pack).</param>
/// <param name="Compliance">The evidence an earlier request for this attempt measured; null to measure it.</param>
public sealed record ReviewRequestInput(
    ProcessImageInput Job,
    BlobPath Master,
    CutOutAttempt Attempt,
    RoutingDecision Route,
    IReadOnlyList<string> Reviewers,
    DateTime DeadlineUtc,
    bool Reminder,
    bool Escalation = false,
    string? Category = null,
    string? CategorySource = null,
    MerchantSettings? Settings = null,
    IReadOnlyDictionary<string, string?>? NamingValues = null,
    ComplianceEvidence? Compliance = null);

/// <summary>The recorded review request, and the compliance evidence the reviewer was shown.</summary>
/// <param name="Request">The review request record.</param>
/// <param name="Compliance">What the attempt's photo and matte show for the platforms' content rules; the exports reuse it when this attempt is approved. Null in histories recorded before reviews carried it.</param>
public sealed record ReviewRequestOutput(BlobPath Request, ComplianceEvidence? Compliance = null);

/// <summary>A reviewer's decision, the payload of the ReviewDecision event.</summary>
/// <param name="Decision">"approve", "reject", "redo" or "upload".</param>
/// <param name="Reviewer">Who decided.</param>
/// <param name="Reason">Why, required for reject and redo.</param>
/// <param name="CorrectedMask">For "upload": the reviewer's corrected matte at the master's size, already through the safe loader.</param>
public sealed record ReviewDecision(string Decision, string Reviewer, string? Reason, BlobPath? CorrectedMask = null);

/// <summary>
/// Input of Export: one platform for one image, from the approved attempt — its reference composite where
/// the platform's framing matches it, else composed afresh from the master and the approved matte.
/// </summary>
public sealed record ExportInput(ProcessImageInput Job, BlobPath Master, CutOutAttempt Approved, AnalysisOutput Analysis, string Platform, IReadOnlyDictionary<string, string?> NamingValues, MerchantSettings Settings, ComplianceEvidence? Compliance = null);

/// <summary>Input of CheckCompliance: the working master and the approved matte.</summary>
public sealed record ComplianceInput(string JobId, BlobPath Master, BlobPath Mask);

/// <summary>One verified file in the exports container.</summary>
public sealed record ExportedFile(BlobPath Path, string Format, int Width, int Height, long Bytes, string ColorProfile, int BitDepth);

/// <summary>What Export wrote for a platform, and whether the platform takes what the image shows.</summary>
public sealed record ExportOutput(string Platform, IReadOnlyList<ExportedFile> Files, ComplianceReport? Compliance = null);

/// <summary>How an image's workflow ended.</summary>
public enum ImageStatus
{
    /// <summary>Exports written and verified.</summary>
    Exported,

    /// <summary>The upload was refused and quarantined.</summary>
    Rejected,

    /// <summary>A reviewer rejected the cut-out, or review timed out: nothing was exported.</summary>
    NotApproved,

    /// <summary>A step failed after its retries.</summary>
    Failed,
}

/// <summary>The final record of one image, written to <c>work/{jobId}/outcome.json</c> and sent to the merchant.</summary>
/// <remarks>
/// <see cref="CategorySource"/> says who named the category (sidecar, manifest, rule, keyword or classifier) and
/// <see cref="Segmenter"/> what cut out the approved attempt, fallbacks included, so an operator can tell.
/// </remarks>
public sealed record ImageOutcome(
    ProcessImageInput Job,
    ImageStatus Status,
    string? Reason,
    string? Category,
    RoutingDecision? Route,
    QcResult? Qc,
    int Attempts,
    string? ReviewedBy,
    IReadOnlyList<ExportOutput> Exports,
    string? CategorySource = null,
    string? Segmenter = null);

/// <summary>What a running ProcessImage shows as its custom status.</summary>
/// <param name="Stage">ingesting, analysing, cutting-out, requesting-review, awaiting-review, exporting, done.</param>
/// <param name="Route">The route, once known.</param>
/// <param name="Score">The latest QC score, once known.</param>
public sealed record ImageProgress(string Stage, string? Route = null, int? Score = null);

/// <summary>
/// One image from upload to verified exports: ingest, classify and analyse in parallel, route, cut out and
/// score (one redo with the alternate strategy below the review threshold), a person's decision when the
/// route or the score calls for one, exports fanned out per platform, then the outcome and the webhook.
/// </summary>
public sealed class ProcessImageWorkflow : Workflow<ProcessImageInput, ImageOutcome>
{
    private const int MaxReviewRounds = 3;

    /// <inheritdoc />
    public override async Task<ImageOutcome> RunAsync(WorkflowContext context, ProcessImageInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var settings = await context.CallActivityThroughOutagesAsync<MerchantSettings>(ActivityNames.LoadSettings, input.Merchant, PipelineRetries.Io, null);
        ImageOutcome outcome;
        try
        {
            outcome = await ProcessAsync(context, input, settings);
        }
        catch (WorkflowTaskFailedException ex)
        {
            outcome = new ImageOutcome(input, ImageStatus.Failed, ex.Message, null, null, null, 0, null, []);
        }

        var done = Show(context, new ImageProgress("done", outcome.Route?.Complexity.ToString(), outcome.Qc?.Score));
        var message = await context.CallActivityThroughOutagesAsync<WebhookMessage>(ActivityNames.Notify, outcome, PipelineRetries.Io, done);
        await WebhookDelivery.DeliverAsync(context, message, settings);
        return outcome;
    }

    private static async Task<ImageOutcome> ProcessAsync(WorkflowContext context, ProcessImageInput input, MerchantSettings settings)
    {
        var ingesting = Show(context, new ImageProgress("ingesting"));
        var ingest = await context.CallActivityThroughOutagesAsync<IngestOutput>(ActivityNames.Ingest, input, PipelineRetries.Io, ingesting);
        if (!ingest.Accepted || ingest.Master is null)
        {
            return new ImageOutcome(input, ImageStatus.Rejected, ingest.RejectionReason, null, null, null, 0, null, []);
        }

        var analysing = Show(context, new ImageProgress("analysing"));
        var categoryTask = context.CallActivityThroughOutagesAsync<CategoryOutput>(ActivityNames.ClassifyCategory, new ClassifyCategoryInput(input, ingest.Metadata, settings, ingest.Master), PipelineRetries.Io, analysing);
        var analysisTask = context.CallActivityThroughOutagesAsync<AnalysisOutput>(ActivityNames.AnalyzeImage, new AnalyzeImageInput(input.JobId, ingest.Master), PipelineRetries.Io, analysing);
        await Task.WhenAll(categoryTask, analysisTask);
        var category = await categoryTask;
        var analysis = await analysisTask;
        var route = RoutingPolicy.Decide(category.Category, analysis.EdgeComplexity, analysis.ColorMatchRisk);

        var job = new CutOutJob(context, input, ingest.Master, analysis, settings, route, category);
        var attempt = await CutOutAsync(job, SegmentationStrategies.Primary, 1);
        if (attempt.Qc.Verdict == QcVerdict.Redo)
        {
            attempt = await CutOutAsync(job, SegmentationStrategies.Alternate, attempt.Attempt + 1);
        }

        string? reviewer = null;

        // The approved attempt's evidence, measured when its review was requested; histories recorded before
        // review requests carried it have none, and measure it again here as they did then.
        ComplianceEvidence? reviewedCompliance = null;
        if (ReviewPolicy.NeedsReview(route, attempt.Qc, settings.Thresholds))
        {
            var review = await ReviewAsync(job, attempt);
            if (review.Decision is null || review.Decision.Decision != ReviewDecisions.Approve)
            {
                var why = review.Decision is null ? $"Review timed out after the reminder and the escalation (timeout outcome: {settings.ReviewTimeoutOutcome}): nothing was exported." : $"Rejected by {review.Decision.Reviewer}: {review.Decision.Reason}";
                return new ImageOutcome(input, ImageStatus.NotApproved, why, category.Category, route, review.Attempt.Qc, review.Attempt.Attempt, review.Decision?.Reviewer, [], category.Source, review.Attempt.Segment.Segmenter);
            }

            attempt = review.Attempt;
            reviewer = review.Decision.Reviewer;
            reviewedCompliance = review.Compliance;
        }

        var exporting = Show(context, new ImageProgress("exporting", route.Complexity.ToString(), attempt.Qc.Score));
        var compliance = reviewedCompliance
            ?? await context.CallActivityThroughOutagesAsync<ComplianceEvidence>(ActivityNames.CheckCompliance, new ComplianceInput(input.JobId, ingest.Master, attempt.Segment.Mask), PipelineRetries.Io, exporting);
        var exports = await Task.WhenAll(settings.Platforms.Select(platform =>
            context.CallActivityThroughOutagesAsync<ExportOutput>(ActivityNames.Export, new ExportInput(input, ingest.Master, attempt, analysis, platform, category.NamingValues, settings, compliance), PipelineRetries.Io, exporting)));
        return new ImageOutcome(input, ImageStatus.Exported, null, category.Category, route, attempt.Qc, attempt.Attempt, reviewer, exports, category.Source, attempt.Segment.Segmenter);
    }

    private static async Task<CutOutAttempt> CutOutAsync(CutOutJob job, string strategy, int attempt)
    {
        var (context, input, master, _, _, route, _) = job;
        var cuttingOut = Show(context, new ImageProgress("cutting-out", route.Complexity.ToString()));
        var segment = await context.CallActivityThroughOutagesAsync<SegmentOutput>(ActivityNames.Segment, new SegmentInput(input.JobId, master, strategy, attempt, route.Complexity), PipelineRetries.Segmentation, cuttingOut);
        return await FinishAttemptAsync(job, segment, attempt);
    }

    // Compose and score a matte, whoever made it: a segmenter, or a reviewer's upload.
    private static async Task<CutOutAttempt> FinishAttemptAsync(CutOutJob job, SegmentOutput segment, int attempt)
    {
        var (context, input, master, analysis, settings, route, _) = job;
        var targetFill = ComposeActivity.ReferenceFill;
        var scoring = new ImageProgress("cutting-out", route.Complexity.ToString());
        var composite = await context.CallActivityThroughOutagesAsync<ComposeOutput>(ActivityNames.Compose, new ComposeInput(input.JobId, master, segment.Mask, analysis, targetFill, attempt), PipelineRetries.Io, scoring);
        var qc = await context.CallActivityThroughOutagesAsync<QcResult>(ActivityNames.QualityCheck, new QualityCheckInput(input.JobId, master, segment.Mask, composite, targetFill, settings.Thresholds), PipelineRetries.Io, scoring);
        return new CutOutAttempt(attempt, segment, composite, qc);
    }

    // A reviewer may ask for a redo; each redo is a fresh cut-out that goes back to review, a bounded number of times.
    private static async Task<(ReviewDecision? Decision, CutOutAttempt Attempt, ComplianceEvidence? Compliance)> ReviewAsync(CutOutJob job, CutOutAttempt attempt)
    {
        for (var round = 1; ; round++)
        {
            var (decision, compliance) = await AwaitDecisionAsync(job, attempt);
            var again = decision?.Decision is ReviewDecisions.Redo || (decision?.Decision is ReviewDecisions.Upload && decision.CorrectedMask is not null);
            if (decision is null || !again || round == MaxReviewRounds)
            {
                return (decision, attempt, compliance);
            }

            attempt = decision.CorrectedMask is { } corrected
                ? await FinishAttemptAsync(job, new SegmentOutput(corrected, ReviewDecisions.Upload, $"corrected by {decision.Reviewer}"), attempt.Attempt + 1)
                : await CutOutAsync(job, SegmentationStrategies.Alternate, attempt.Attempt + 1);
        }
    }

    // Waits for the decision: a reminder at the first deadline, the escalation group at the second, then the
    // merchant's timeout outcome (give up, or keep waiting without further mail). The event stays buffered by
    // the engine if it arrives after a wait timed out, so the next wait still receives it.
    private static async Task<(ReviewDecision? Decision, ComplianceEvidence? Compliance)> AwaitDecisionAsync(CutOutJob job, CutOutAttempt attempt)
    {
        var (context, input, master, _, settings, route, category) = job;
        // "awaiting-review" only once the request is recorded and mailed: a caller that stops at that stage
        // (the CLI does) must find the reviewers told.
        var requesting = new ImageProgress("requesting-review", route.Complexity.ToString(), attempt.Qc.Score);
        ComplianceEvidence? compliance = null;
        for (var round = 0; round < 3; round++)
        {
            var deadline = context.CurrentUtcDateTime + settings.ReviewReminderAfter;
            var escalation = round == 2;
            var reviewers = escalation ? settings.EscalationReviewers.Concat(settings.Reviewers).Distinct(StringComparer.OrdinalIgnoreCase).ToList() : settings.Reviewers;
            var requested = await context.CallActivityThroughOutagesAsync<ReviewRequestOutput>(
                ActivityNames.RequestReview,
                new ReviewRequestInput(input, master, attempt, route, reviewers, deadline, round > 0, escalation, category.Category, category.Source, settings, category.NamingValues, compliance),
                PipelineRetries.Io,
                Show(context, requesting));
            compliance = requested.Compliance;
            Show(context, requesting with { Stage = "awaiting-review" });
            if (await WaitForDecisionAsync(context, deadline) is { } decision)
            {
                return (decision, compliance);
            }
        }

        var late = settings.ReviewTimeoutOutcome == ReviewTimeoutOutcomes.Wait
            ? await context.WaitForExternalEvent<ReviewDecision>(WorkflowNames.ReviewDecisionEvent, CancellationToken.None)
            : null;
        return (late, compliance);
    }

    private static ImageProgress Show(WorkflowContext context, ImageProgress progress)
    {
        context.SetCustomStatus(progress);
        return progress;
    }

    private static async Task<ReviewDecision?> WaitForDecisionAsync(WorkflowContext context, DateTime deadline)
    {
        using var race = new CancellationTokenSource();
        var decisionTask = context.WaitForExternalEvent<ReviewDecision>(WorkflowNames.ReviewDecisionEvent, race.Token);
        var timer = context.CreateTimer(deadline, race.Token);
        var winner = await Task.WhenAny(decisionTask, timer);

        // Cancel the loser: a timed-out wait must not stay subscribed and swallow a later decision.
        race.Cancel();
        return winner == decisionTask ? await decisionTask : null;
    }

    private sealed record CutOutJob(WorkflowContext Context, ProcessImageInput Input, BlobPath Master, AnalysisOutput Analysis, MerchantSettings Settings, RoutingDecision Route, CategoryOutput Category);
}
