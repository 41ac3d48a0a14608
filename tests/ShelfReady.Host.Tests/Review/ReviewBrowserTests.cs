using Microsoft.Playwright;
using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Tests.Review;

/// <summary>
/// The review loop as a reviewer lives it: serve sends the mail over SMTP to a real MailDev, the link from that
/// mail opens in Debian's Chromium, and the reviewer decides with the page's buttons, fields and keys.
/// </summary>
public sealed class ReviewBrowserTests(ChromiumFixture chromium, MailDevServer mail) : IClassFixture<ChromiumFixture>, IClassFixture<MailDevServer>, IAsyncLifetime
{
    private const string Reviewer = "ann@example.com";
    private const string Hostile = "<img src=x onerror=alert(1)>.jpg";
    private readonly ServeHarness serve = new(mail.HostSettings());

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await serve.StartAsync();
        await serve.ConfigureMerchantAsync(new MerchantSettings { Platforms = ["google_shopping"], Reviewers = [Reviewer] });
    }

    [Fact]
    public async Task Approve_FromTheMailedLinkInChromium_ExportsAppearAndTheWebhookFires()
    {
        var jobId = await serve.UploadJewelryAsync("approve", Hostile, seed: 910);
        var message = (await MailsAsync("approve", 1))[0];
        Assert.Contains(message.Attachments ?? [], a => a.ContentType == "image/jpeg");
        var page = await chromium.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync(MailLinks.Review(message.Text).AbsoluteUri);
        Assert.Equal(Hostile, await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.images].filter(i => i.alt).every(i => i.complete && i.naturalWidth > 0)"), "the before and after images load");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();

        Assert.Contains($"Recorded: approve by {Reviewer}", await page.Locator(".banner").InnerTextAsync(), StringComparison.Ordinal);
        var outcome = await serve.WaitForOutcomeAsync(jobId);
        Assert.Equal(ImageStatus.Exported, outcome.Status);
        Assert.Equal(Reviewer, outcome.ReviewedBy);
        Assert.All(outcome.Exports.SelectMany(e => e.Files), f => Assert.True(File.Exists(serve.Store.FilePath(f.Path)), f.Path.ToString()));
        await serve.WaitForExportedWebhookAsync("onerror");
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task Reject_WithAReasonTypedInChromium_NothingIsExportedAndTheReasonIsKept()
    {
        var jobId = await serve.UploadJewelryAsync("reject", "ring.jpg", seed: 911);
        var page = await OpenReviewAsync((await MailsAsync("reject", 1))[0]);

        await page.FillAsync("#reject-reason", "the chain is cut off");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();

        Assert.Contains("Recorded: reject", await page.Locator(".banner").InnerTextAsync(), StringComparison.Ordinal);
        var outcome = await serve.WaitForOutcomeAsync(jobId);
        Assert.Equal(ImageStatus.NotApproved, outcome.Status);
        Assert.Equal($"Rejected by {Reviewer}: the chain is cut off", outcome.Reason);
        Assert.Empty(outcome.Exports);
        Assert.False(Directory.Exists(serve.Store.FilePath(new BlobPath(BlobContainers.Exports, $"{ServeHarness.Merchant}/reject"))), "no export folder for the rejected image");
    }

    [Fact]
    public async Task Redo_WithANoteInChromium_AFreshCutOutIsMailedForReviewAndShipsOnApproval()
    {
        var jobId = await serve.UploadJewelryAsync("redo", "ring.jpg", seed: 912);
        var page = await OpenReviewAsync((await MailsAsync("redo", 1))[0]);
        var reviewed = await AttemptAsync(page);

        await page.FillAsync("#redo-note", "the left edge is ragged");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cut out again" }).ClickAsync();
        var second = await OpenReviewAsync((await MailsAsync("redo", 2))[1]);

        Assert.Equal(reviewed + 1, await AttemptAsync(second));
        await second.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        var outcome = await serve.WaitForOutcomeAsync(jobId);
        Assert.Equal(ImageStatus.Exported, outcome.Status);
        Assert.Equal(reviewed + 1, outcome.Attempts);
    }

    [Fact]
    public async Task Upload_ACorrectedMaskChosenInChromium_GoesThroughQcAndShipsOnApproval()
    {
        var jobId = await serve.UploadJewelryAsync("upload", "ring.jpg", seed: 913);
        var mask = Path.Combine(serve.Root, "corrected-mask.png");
        using (var shot = StudioShotGenerator.Generate(ServeHarness.JewelrySpec(913)))
        {
            shot.Alpha.WriteToFile(mask);
        }

        var page = await OpenReviewAsync((await MailsAsync("upload", 1))[0]);
        var reviewed = await AttemptAsync(page);
        await page.SetInputFilesAsync("input[type=file]", mask);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        Assert.Contains("Recorded: upload", await page.Locator(".banner").InnerTextAsync(), StringComparison.Ordinal);
        var second = await OpenReviewAsync((await MailsAsync("upload", 2))[1]);

        Assert.Contains($"corrected by {Reviewer}", await second.Locator("table").First.InnerTextAsync(), StringComparison.Ordinal);
        await second.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        var outcome = await serve.WaitForOutcomeAsync(jobId);
        Assert.Equal(ImageStatus.Exported, outcome.Status);
        Assert.Equal(reviewed + 1, outcome.Attempts);
        Assert.Equal($"corrected by {Reviewer}", outcome.Segmenter);
    }

    [Fact]
    public async Task Queue_ClearedWithTheKeyboardOnly_EveryImageIsApproved()
    {
        string[] names = ["ring-a.jpg", "ring-b.jpg", "ring-c.jpg"];
        var jobIds = new List<string>();
        foreach (var (name, index) in names.Select((n, i) => (n, i)))
        {
            jobIds.Add(await serve.UploadJewelryAsync("queue", name, seed: 920 + index));
        }

        var messages = await MailsAsync("queue", names.Length);
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(MailLinks.Queue(messages[0].Text).AbsoluteUri);
        Assert.Equal(names.Length, await page.Locator("tr.item").CountAsync());
        await Screenshots.SaveAsync(page, "review-queue.png");

        await page.Keyboard.PressAsync("j");
        await PressAndLoadAsync(page, "Enter");
        Assert.Contains("back to the queue", await page.Locator("#back").InnerTextAsync(), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("3");
        await Screenshots.SaveAsync(page, "review-page.png");
        await PressAndLoadAsync(page, "a");
        Assert.Contains("approve recorded", await page.Locator(".banner").InnerTextAsync(), StringComparison.Ordinal);
        for (var left = names.Length - 1; left > 0; left--)
        {
            Assert.Equal(left, await page.Locator("tr.item").CountAsync());
            await PressAndLoadAsync(page, "a");
        }

        Assert.Equal("Nothing waits for review.", await page.Locator("main > p:not(.muted):not(.banner)").InnerTextAsync());
        foreach (var jobId in jobIds)
        {
            Assert.Equal(ImageStatus.Exported, (await serve.WaitForOutcomeAsync(jobId)).Status);
        }
    }

    public async ValueTask DisposeAsync() => await serve.DisposeAsync();

    private async Task<IReadOnlyList<MailDevMessage>> MailsAsync(string batch, int count) =>
        await mail.WaitForAsync(m => m.IsTo(Reviewer) && m.Subject.Contains($"({ServeHarness.Merchant}/{batch})", StringComparison.Ordinal), count, Token);

    // A key that submits a form or follows a link loads a new document; the old one's marker is gone with it.
    private static async Task PressAndLoadAsync(IPage page, string key)
    {
        await page.EvaluateAsync("() => { window.previousPage = true; }");
        await page.Keyboard.PressAsync(key);
        await page.WaitForFunctionAsync("() => !window.previousPage && document.readyState === 'complete'");
    }

    // The header reads "merchant / batch · attempt N · reviewing as …".
    private static async Task<int> AttemptAsync(IPage page)
    {
        var header = await page.Locator("header span").InnerTextAsync();
        return int.Parse(header.Split(" · ")[1]["attempt ".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<IPage> OpenReviewAsync(MailDevMessage message)
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(MailLinks.Review(message.Text).AbsoluteUri);
        return page;
    }
}
