using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using ShelfReady.Host.Storage;
using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Compliance;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;
using ShelfReady.Review;
using ShelfReady.Review.Links;

namespace ShelfReady.Host.Tests.Review;

/// <summary>
/// The review loop over HTTP against a running serve: a jewelry image waits for review, its mail lands in the
/// outbox, and the link in that mail is opened, refused when forged, and decided once.
/// </summary>
public sealed class ReviewLoopTests : IAsyncLifetime
{
    private const string Hostile = "<img src=x onerror=alert(1)>.jpg";
    private const string Reviewer = "ann@example.com";
    private readonly ServeHarness serve = new();
    private readonly ServiceProvider clients = new ServiceCollection().AddHttpClient(Options.DefaultName).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false }).Services.BuildServiceProvider();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient Http => clients.GetRequiredService<IHttpClientFactory>().CreateClient();

    private FolderBlobStore Store => serve.Store;

    public async ValueTask InitializeAsync()
    {
        await serve.StartAsync();
        await serve.ConfigureMerchantAsync(new MerchantSettings { Platforms = ["google_shopping"], Reviewers = [Reviewer] });
    }

    [Fact]
    public async Task EmailedLink_PrefetchForgeryAndDoublePost_OnlyTheFirstPostedDecisionCounts()
    {
        var (jobId, link) = await UploadAndReadMailAsync();

        var prefetch = await Http.GetAsync(link, Token);
        var page = await prefetch.Content.ReadAsStringAsync(Token);
        Assert.Equal(HttpStatusCode.OK, prefetch.StatusCode);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;.jpg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.Null(await Store.GetPropertiesAsync(new BlobPath(BlobContainers.Work, $"{jobId}/attempt-1/review-decision.json"), Token));

        var noToken = await Http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve" }), Token);
        Assert.Equal(HttpStatusCode.Forbidden, noToken.StatusCode);

        var first = await DecideAsync(link, "approve");
        var second = await DecideAsync(link, "reject", "too late");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Matches($"Already decided by {Regex.Escape(Reviewer)} at \\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC: approve", await second.Content.ReadAsStringAsync(Token));

        var outcome = await serve.WaitForOutcomeAsync(jobId);
        Assert.Equal(ImageStatus.Exported, outcome.Status);
        Assert.Equal(Reviewer, outcome.ReviewedBy);
        Assert.Contains(outcome.Exports.SelectMany(e => e.Files), f => File.Exists(Store.FilePath(f.Path)));
        Assert.Equal(Assert.Single(outcome.Exports).Compliance!.Verdict.Label(), Regex.Match(page, "<b>google_shopping</b>: ([a-z ]+)").Groups[1].Value.Trim());
        var scheduled = (await serve.Engine.GetHistoryAsync(JobIdentity.ImageInstanceId(jobId), Token)).Where(e => e.Type == HistoryEventType.ActivityScheduled).Select(e => e.Name).ToList();
        Assert.Contains(ActivityNames.RequestReview, scheduled);
        Assert.DoesNotContain(ActivityNames.CheckCompliance, scheduled);
        await serve.WaitForExportedWebhookAsync("onerror");
    }

    [Fact]
    public async Task Links_TamperedExpiredOrForAnotherReviewer_Get403WithASentence()
    {
        var (jobId, link) = await UploadAndReadMailAsync();
        var token = link.Segments[^1];
        var parts = token.Split('.');
        var flipped = parts[1][..^1] + (parts[1][^1] == 'A' ? 'B' : 'A');
        var keys = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllBytesAsync(Path.Combine(serve.Root, "review-keys.json"), Token))!;
        var now = TimeProvider.System.GetUtcNow();
        var past = new FakeTimeProvider(now.AddDays(-30));
        var signer = new ReviewLinkSigner(Microsoft.Extensions.Options.Options.Create(new ReviewOptions { ActiveKeyId = "local", SigningKeys = keys }), past);
        var instance = "image-" + jobId;

        var tampered = await Http.GetAsync(Url($"/review/{parts[0]}.{flipped}.{parts[2]}"), Token);
        var expired = await Http.GetAsync(Url("/review/" + signer.Sign(new ReviewLink(instance, jobId, 1, Reviewer, past.GetUtcNow().AddDays(7)))), Token);
        var stranger = await Http.GetAsync(Url("/review/" + signer.Sign(new ReviewLink(instance, jobId, 1, "eve@example.com", now.AddDays(1)))), Token);

        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Contains("has been changed since it was sent", await tampered.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("has expired", await expired.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Contains("eve@example.com, who is not a reviewer of this image", await stranger.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decision_AfterServeRestartsBetweenMailAndClick_ReachesTheWorkflow()
    {
        var (jobId, link) = await UploadAndReadMailAsync();
        await serve.StopAsync();
        await serve.StartAsync();

        var decided = await DecideAsync(link, "reject", "chain is cut off");

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var outcome = await serve.WaitForOutcomeAsync(jobId);
        Assert.Equal(ImageStatus.NotApproved, outcome.Status);
        Assert.Equal($"Rejected by {Reviewer}: chain is cut off", outcome.Reason);
    }

    public async ValueTask DisposeAsync()
    {
        await serve.DisposeAsync();
        await clients.DisposeAsync();
    }

    private async Task<(string JobId, Uri Link)> UploadAndReadMailAsync()
    {
        var jobId = await serve.UploadJewelryAsync("b1", Hostile, seed: 900);
        var outbox = Path.Combine(serve.Root, "outbox");
        string? mail = null;
        await ServeHarness.WaitUntilAsync(() => (mail = Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.eml").FirstOrDefault() : null) is not null, "the review mail in the outbox");
        using var message = await MimeMessage.LoadAsync(mail!, Token);
        Assert.Equal(Reviewer, message.To.Mailboxes.Single().Address);
        Assert.Contains("jewelry", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(message.BodyParts, p => p.ContentType.MimeType == "image/jpeg");
        Assert.StartsWith(jobId, Path.GetFileName(mail!), StringComparison.Ordinal);
        return (jobId, MailLinks.Review(message.TextBody));
    }

    private async Task<HttpResponseMessage> DecideAsync(Uri link, string decision, string? reason = null)
    {
        var page = await Http.GetStringAsync(link, Token);
        var form = Regex.Match(page, "name=\"_form\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new Dictionary<string, string> { ["_form"] = form, ["decision"] = decision, ["reason"] = reason ?? "" };
        return await Http.PostAsync(link, new FormUrlEncodedContent(fields), Token);
    }

    private Uri Url(string path) => new($"http://127.0.0.1:{serve.Port}{path}");
}
