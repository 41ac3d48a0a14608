using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ShelfReady.Host.Storage;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Loading;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Compliance;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Profiles;
using ShelfReady.Pipeline.Routing;
using ShelfReady.Pipeline.Segmentation;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;
using ShelfReady.Review;
using ShelfReady.Review.Pages;

namespace ShelfReady.Host.Tests.Review;

/// <summary>
/// A reviewer sees each platform's compliance verdict before deciding: a photo in a black frame is a border to
/// fix for Amazon main, and fine for Shopify, on the page rendered from the stored review request.
/// </summary>
public sealed class ReviewPageComplianceTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("shelfready-review-compliance-").FullName;
    private readonly FolderBlobStore store;

    public ReviewPageComplianceTests()
    {
        store = new FolderBlobStore(root);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequestReview_FramedPhoto_PageAndMailShowEachPlatformsVerdictWithItsReason()
    {
        var settings = new MerchantSettings { Platforms = ["amazon_main", "shopify"] };
        var request = await ReviewRequestForAsync(FramedShot(), settings);
        await using var review = ReviewServices();
        var activity = new RequestReviewActivity(store, review.GetServices<IReviewNotifier>(), PlatformProfileCatalog.Builtin());

        var output = await activity.RunAsync(Context(), request);
        var record = PipelineJson.Read<ReviewRequestRecord>(await store.ReadAsync(output.Request, Token), "review request");
        var page = ReviewPages.Review(new ReviewPageModel(record, "ann@example.com", "/review/link", "form-token", null, null));
        using var mail = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(Outbox, "*.eml")), Token);

        Assert.NotNull(output.Compliance);
        Assert.True(output.Compliance.Border);
        Assert.Equal(["amazon_main", "shopify"], record.Verdicts!.Select(r => r.Platform));
        Assert.Equal([ComplianceVerdict.Fix, ComplianceVerdict.Compliant], record.Verdicts!.Select(r => r.Verdict));
        Assert.Contains("<th>Marketplace rules</th>", page, StringComparison.Ordinal);
        Assert.Contains("<b>amazon_main</b>: fix — The photo has a border or frame around it; crop it off and upload again.", page, StringComparison.Ordinal);
        Assert.Contains("<b>shopify</b>: compliant</li>", page, StringComparison.Ordinal);
        var text = (mail.TextBody ?? "").ReplaceLineEndings("\n");
        Assert.Contains("Marketplace rules:\n- amazon_main: fix — The photo has a border or frame around it; crop it off and upload again.", text, StringComparison.Ordinal);
        Assert.Contains("\n- shopify: compliant\n", text, StringComparison.Ordinal);
        Assert.Contains("<li>amazon_main: fix — The photo has a border or frame around it; crop it off and upload again.", System.Net.WebUtility.HtmlDecode(mail.HtmlBody), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestReview_ReminderWithEarlierEvidence_RecordsTheSameVerdicts()
    {
        var settings = new MerchantSettings { Platforms = ["amazon_main", "google_shopping"] };
        var request = await ReviewRequestForAsync(FramedShot(), settings);
        var activity = new RequestReviewActivity(store, [], PlatformProfileCatalog.Builtin());
        var first = await activity.RunAsync(Context(), request);
        var firstRecord = PipelineJson.Read<ReviewRequestRecord>(await store.ReadAsync(first.Request, Token), "review request");

        var reminder = await activity.RunAsync(Context(), request with { Reminder = true, Compliance = first.Compliance });
        var reminderRecord = PipelineJson.Read<ReviewRequestRecord>(await store.ReadAsync(reminder.Request, Token), "review request");

        Assert.Equal(first.Compliance, reminder.Compliance);
        Assert.Equal(
            firstRecord.Verdicts!.Select(r => (r.Platform, r.Verdict, string.Join(" ", r.Reasons))),
            reminderRecord.Verdicts!.Select(r => (r.Platform, r.Verdict, string.Join(" ", r.Reasons))));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Outbox => Path.Combine(root, "outbox");

    // The review library's own mail, written to an outbox folder.
    private ServiceProvider ReviewServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Review:SigningKeys:k1"] = Convert.ToBase64String(new byte[32]),
            ["Review:ActiveKeyId"] = "k1",
            ["Review:Email:OutboxFolder"] = Outbox,
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IBlobStore>(store)
            .AddSingleton(new ImageLoader())
            .AddSingleton(TimeProvider.System)
            .AddShelfReadyReview(configuration)
            .BuildServiceProvider(validateScopes: true);
    }

    private static ActivityContext Context() => new(ActivityNames.RequestReview, "review-compliance", Token);

    private static byte[] FramedShot()
    {
        VipsRuntime.EnsureConfigured();
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Width = 1000, Height = 800, Seed = 11, Background = BackgroundKind.White, Category = "electronics" });
        using var framed = shot.Photo.Mutate(m =>
        {
            foreach (var (x, y, w, h) in new[] { (0, 0, 1000, 24), (0, 776, 1000, 24), (0, 0, 24, 800), (976, 0, 24, 800) })
            {
                m.DrawRect([20.0, 20.0, 20.0], x, y, w, h, fill: true);
            }
        });
        return framed.JpegsaveBuffer(q: 92);
    }

    // The attempt a reviewer would be asked about, made by the pipeline's own activities.
    private async Task<ReviewRequestInput> ReviewRequestForAsync(byte[] photo, MerchantSettings settings)
    {
        var upload = new BlobPath(BlobContainers.Uploads, "acme/b1/framed.jpg");
        await store.WriteAsync(upload, photo, Token);
        var job = new ProcessImageInput(JobIdentity.JobId(upload.Name, JobIdentity.ContentHash(photo)), "acme", "b1", upload);
        var context = Context();
        var ingest = await new IngestActivity(store, new ImageLoader()).RunAsync(context, job);
        var category = await new ClassifyCategoryActivity(store).RunAsync(context, new ClassifyCategoryInput(job, ingest.Metadata, settings, ingest.Master!));
        var analysis = await new AnalyzeImageActivity(store).RunAsync(context, new AnalyzeImageInput(job.JobId, ingest.Master!));
        var segment = await new SegmentActivity(store, new ClassicalSegmentation()).RunAsync(context, new SegmentInput(job.JobId, ingest.Master!, SegmentationStrategies.Primary, 1, ProductComplexity.Simple));
        var composite = await new ComposeActivity(store).RunAsync(context, new ComposeInput(job.JobId, ingest.Master!, segment.Mask, analysis, ComposeActivity.ReferenceFill, 1));
        var qc = await new QualityCheckActivity(store).RunAsync(context, new QualityCheckInput(job.JobId, ingest.Master!, segment.Mask, composite, ComposeActivity.ReferenceFill, settings.Thresholds));
        var route = RoutingPolicy.Decide(category.Category, analysis.EdgeComplexity, analysis.ColorMatchRisk);
        return new ReviewRequestInput(
            job, ingest.Master!, new CutOutAttempt(1, segment, composite, qc), route, ["ann@example.com"], new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), false,
            Category: category.Category, CategorySource: category.Source, Settings: settings, NamingValues: category.NamingValues);
    }
}
