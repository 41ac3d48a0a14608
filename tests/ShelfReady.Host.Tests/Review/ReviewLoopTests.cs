using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using ShelfReady.Host.Cli;
using ShelfReady.Host.Storage;
using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;
using ShelfReady.Review;
using ShelfReady.Review.Links;

namespace ShelfReady.Host.Tests.Review;

/// <summary>
/// The review loop over HTTP against a running serve: a jewelry image waits for review, its mail lands in the
/// outbox, and the link in that mail is opened, refused when forged, and decided once.
/// </summary>
public sealed partial class ReviewLoopTests : IAsyncLifetime
{
    private const string Hostile = "<img src=x onerror=alert(1)>.jpg";
    private const string Reviewer = "ann@example.com";
    private readonly string root = Directory.CreateTempSubdirectory("shelfready-review-").FullName;
    private readonly int port = FreePort.Next();
    private readonly ServiceProvider clients = new ServiceCollection().AddHttpClient(Options.DefaultName).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false }).Services.BuildServiceProvider();
    private readonly WebhookReceiver receiver = new();
    private WebApplication app = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient Http => clients.GetRequiredService<IHttpClientFactory>().CreateClient();

    private FolderBlobStore Store => new(Path.Combine(root, "storage"));

    public async ValueTask InitializeAsync()
    {
        app = ServeCommand.Build(port, Settings());
        await app.StartAsync(Token);
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

        var outcome = await WaitForOutcomeAsync(jobId);
        Assert.Equal(ImageStatus.Exported, outcome.Status);
        Assert.Equal(Reviewer, outcome.ReviewedBy);
        Assert.Contains(outcome.Exports.SelectMany(e => e.Files), f => File.Exists(Store.FilePath(f.Path)));
        await WaitUntilAsync(() => receiver.Received.Any(w => w.Body.Contains("image.exported", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Links_TamperedExpiredOrForAnotherReviewer_Get403WithASentence()
    {
        var (jobId, link) = await UploadAndReadMailAsync();
        var token = link.Segments[^1];
        var parts = token.Split('.');
        var flipped = parts[1][..^1] + (parts[1][^1] == 'A' ? 'B' : 'A');
        var keys = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllBytesAsync(Path.Combine(root, "review-keys.json"), Token))!;
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
        await app.StopAsync(Token);
        await app.DisposeAsync();
        app = ServeCommand.Build(port, Settings());
        await app.StartAsync(Token);

        var decided = await DecideAsync(link, "reject", "chain is cut off");

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var outcome = await WaitForOutcomeAsync(jobId);
        Assert.Equal(ImageStatus.NotApproved, outcome.Status);
        Assert.Equal($"Rejected by {Reviewer}: chain is cut off", outcome.Reason);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        await clients.DisposeAsync();
        await receiver.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    [GeneratedRegex(@"https?://\S+/review/[A-Za-z0-9_.\-]+")]
    private static partial Regex LinkPattern();

    private Dictionary<string, string?> Settings()
    {
        var settings = HostServices.UnderFolder(root);
        settings["Watcher:PollInterval"] = "00:00:00.200";
        settings["Webhooks:Secrets:acme"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        return settings;
    }

    private async Task<(string JobId, Uri Link)> UploadAndReadMailAsync()
    {
        var merchant = new { platforms = new[] { "google_shopping" }, reviewers = new[] { Reviewer }, webhookUrl = receiver.Url, webhookSecretName = "acme", allowPrivateWebhookTargets = true };
        await Store.WriteAsync(WorkPaths.Settings("acme"), JsonSerializer.SerializeToUtf8Bytes(merchant), Token);
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Seed = 900, Width = 1200, Height = 900, Complexity = ProductComplexity.Complex, Category = "jewelry" });
        var upload = new BlobPath(BlobContainers.Uploads, $"acme/b1/{Hostile}");
        await Store.WriteAsync(WorkPaths.Sidecar(upload), """{"category":"jewelry"}"""u8.ToArray(), Token);
        await Store.WriteAsync(upload, shot.ToJpeg(), Token);
        var outbox = Path.Combine(root, "outbox");
        string? mail = null;
        await WaitUntilAsync(() => (mail = Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.eml").FirstOrDefault() : null) is not null);
        using var message = await MimeMessage.LoadAsync(mail!, Token);
        Assert.Equal(Reviewer, message.To.Mailboxes.Single().Address);
        Assert.Contains("jewelry", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(message.BodyParts, p => p.ContentType.MimeType == "image/jpeg");
        return (Path.GetFileName(mail!).Split("-attempt-")[0], new Uri(LinkPattern().Match(message.TextBody ?? "").Value.Replace("127.0.0.1:5080", $"127.0.0.1:{port}", StringComparison.Ordinal)));
    }

    private async Task<HttpResponseMessage> DecideAsync(Uri link, string decision, string? reason = null)
    {
        var page = await Http.GetStringAsync(link, Token);
        var form = Regex.Match(page, "name=\"_form\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new Dictionary<string, string> { ["_form"] = form, ["decision"] = decision, ["reason"] = reason ?? "" };
        return await Http.PostAsync(link, new FormUrlEncodedContent(fields), Token);
    }

    private async Task<ImageOutcome> WaitForOutcomeAsync(string jobId)
    {
        var path = WorkPaths.Outcome(jobId);
        await WaitUntilAsync(() => File.Exists(Store.FilePath(path)));
        return PipelineJson.Read<ImageOutcome>(await Store.ReadAsync(path, Token), "outcome");
    }

    private Uri Url(string path) => new($"http://127.0.0.1:{port}{path}");

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (!condition())
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
