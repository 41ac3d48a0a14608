using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ShelfReady.Functions.Http;
using ShelfReady.Functions.Tests.Infrastructure;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Functions.Tests.Http;

/// <summary>
/// The review loop on the Functions app: the real RequestReview activity mails a link to the app's public
/// address, and the app's own review functions answer it over ASP.NET Core requests, deciding through the
/// Durable client they were bound to.
/// </summary>
public sealed partial class ReviewFunctionsTests(FunctionsAppFixture app) : IClassFixture<FunctionsAppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PageAsync_MailedLinkApprovedOnThePage_ImageCompletesExportedWithTheReviewersName()
    {
        var (instanceId, link, functions) = await MailedReviewAsync("approve", seed: 21);

        var page = await SendAsync(request => functions.PageAsync(request, link, app.Host.Client), HttpMethods.Get);
        var stillWaiting = await app.Host.Client.GetInstanceAsync(instanceId, Token);
        var decided = await SendAsync(request => functions.PageAsync(request, link, app.Host.Client), HttpMethods.Post, Form(page.Body, "approve"));
        var finished = await app.Host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, Token);

        Assert.Equal(StatusCodes.Status200OK, page.Status);
        Assert.Contains("ring.jpg", page.Body, StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers.CacheControl);
        Assert.Equal("no-referrer", page.Headers["Referrer-Policy"]);
        Assert.Equal(OrchestrationRuntimeStatus.Running, stillWaiting!.RuntimeStatus);
        Assert.Equal(StatusCodes.Status200OK, decided.Status);
        var outcome = finished.ReadOutputAs<ImageOutcome>()!;
        Assert.True(outcome.Status == ImageStatus.Exported, $"{outcome.Status}: {outcome.Reason}");
        Assert.Equal("reviewer@localhost", outcome.ReviewedBy);
        Assert.NotNull(await app.Store.GetPropertiesAsync(Assert.Single(Assert.Single(outcome.Exports).Files).Path, Token));
    }

    [Fact]
    public async Task PageAsync_SecondDecisionOnTheSameLink_IsRefusedAndTheFirstStands()
    {
        var (instanceId, link, functions) = await MailedReviewAsync("twice", seed: 22);
        var page = await SendAsync(request => functions.PageAsync(request, link, app.Host.Client), HttpMethods.Get);

        var rejected = await SendAsync(request => functions.PageAsync(request, link, app.Host.Client), HttpMethods.Post, Form(page.Body, "reject", "the hook is cut off"));
        var approved = await SendAsync(request => functions.PageAsync(request, link, app.Host.Client), HttpMethods.Post, Form(page.Body, "approve"));
        var finished = await app.Host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, Token);

        Assert.Equal(StatusCodes.Status200OK, rejected.Status);
        Assert.Equal(StatusCodes.Status409Conflict, approved.Status);
        var outcome = finished.ReadOutputAs<ImageOutcome>()!;
        Assert.Equal(ImageStatus.NotApproved, outcome.Status);
        Assert.Contains("the hook is cut off", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(outcome.Exports);
    }

    [Fact]
    public async Task ImageAsync_MailedLink_ServesTheCompositeAndRefusesATamperedLink()
    {
        var instanceId = await StartReviewAsync("pictures", seed: 23);
        var link = await MailedLinkAsync(instanceId);
        var tampered = link[..^2] + (link[^2] == 'A' ? "B" : "A") + link[^1];

        var composite = await SendAsync(request => ReviewFunctions.ImageAsync(request, link, "composite"), HttpMethods.Get);
        var refused = await SendAsync(request => ReviewFunctions.ImageAsync(request, tampered, "composite"), HttpMethods.Get);

        Assert.Equal(StatusCodes.Status200OK, composite.Status);
        Assert.Equal("image/png", composite.ContentType);
        Assert.Equal("\u0089PNG", Encoding.Latin1.GetString(composite.Bytes[..4]));
        Assert.Equal(StatusCodes.Status403Forbidden, refused.Status);
        Assert.Contains("changed since it was sent", refused.Body, StringComparison.Ordinal);
        await app.Host.Client.TerminateInstanceAsync(instanceId, "test done", Token);
    }

    [Fact]
    public async Task QueueAsync_MailedQueueLink_ListsTheWaitingImageWithItsReviewLink()
    {
        var instanceId = await StartReviewAsync("queued", seed: 24);
        var mail = await MailedTextAsync(instanceId);
        var queue = QueueLinkPattern().Match(mail).Groups[1].Value;

        var page = await SendAsync(request => ReviewFunctions.QueueAsync(request, queue), HttpMethods.Get, query: "?batch=queued");

        Assert.Equal(StatusCodes.Status200OK, page.Status);
        Assert.Contains("ring.jpg", page.Body, StringComparison.Ordinal);
        Assert.Contains("/review/", page.Body, StringComparison.Ordinal);
        await app.Host.Client.TerminateInstanceAsync(instanceId, "test done", Token);
    }

    // A jewellery shot is routed complex, so it waits for a person; the reminder is far enough not to interfere.
    private async Task<string> StartReviewAsync(string batch, int seed)
    {
        var (_, content) = await app.UploadShotAsync("rings", batch, "ring.jpg", seed, category: "jewelry", reminderAfter: TimeSpan.FromMinutes(5));
        var instanceId = await app.Trigger.RunAsync(content, "rings", batch, "ring.jpg", app.Host.Client, Token);
        await app.WaitForStageAsync(instanceId!, "awaiting-review");
        return instanceId!;
    }

    private async Task<(string InstanceId, string Link, ReviewFunctions Functions)> MailedReviewAsync(string batch, int seed)
    {
        var instanceId = await StartReviewAsync(batch, seed);
        return (instanceId, await MailedLinkAsync(instanceId), ActivatorUtilities.CreateInstance<ReviewFunctions>(app.Services));
    }

    private async Task<string> MailedLinkAsync(string instanceId) => ReviewLinkPattern().Match(await MailedTextAsync(instanceId)).Groups[1].Value;

    // awaiting-review is shown only once the request is recorded and its mail written.
    private async Task<string> MailedTextAsync(string instanceId)
    {
        var jobId = instanceId["image-".Length..];
        var file = Assert.Single(Directory.GetFiles(app.Outbox, $"{jobId}-attempt-1-request-*.eml"));
        using var message = await MimeMessage.LoadAsync(file, Token);
        Assert.StartsWith("Review needed", message.Subject, StringComparison.Ordinal);
        return message.TextBody ?? "";
    }

    private static Dictionary<string, string> Form(string page, string decision, string reason = "") => new()
    {
        ["_form"] = FormTokenPattern().Match(page).Groups[1].Value,
        ["decision"] = decision,
        ["reason"] = reason,
    };

    // The function method on an ASP.NET Core request, its result executed as the Functions host executes it.
    private async Task<Response> SendAsync(Func<HttpRequest, Task<IActionResult>> function, string method, Dictionary<string, string>? form = null, string query = "")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = method;
        http.Request.QueryString = new QueryString(query);
        if (form is not null)
        {
            using var content = new FormUrlEncodedContent(form);
            http.Request.ContentType = "application/x-www-form-urlencoded";
            http.Request.Body = new MemoryStream(await content.ReadAsByteArrayAsync(Token));
        }

        using var body = new MemoryStream();
        http.Response.Body = body;
        var result = await function(http.Request);
        await result.ExecuteResultAsync(new ActionContext { HttpContext = http });
        var bytes = body.ToArray();
        return new Response(http.Response.StatusCode, http.Response.ContentType ?? "", bytes, Encoding.UTF8.GetString(bytes), http.Response.Headers);
    }

    [GeneratedRegex(@"https://shelfready-functions\.example/review/(?!queue/)([^\s/?]+)")]
    private static partial Regex ReviewLinkPattern();

    [GeneratedRegex(@"https://shelfready-functions\.example/review/queue/([^\s/?]+)")]
    private static partial Regex QueueLinkPattern();

    [GeneratedRegex("name=\"_form\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();

    private sealed record Response(int Status, string ContentType, byte[] Bytes, string Body, IHeaderDictionary Headers);
}
