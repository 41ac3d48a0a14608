using Microsoft.Extensions.Time.Testing;
using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Tests.Review;

/// <summary>
/// The review deadlines on the engine's durable timers, with serve on a test clock and its mail going to a real
/// MailDev: the reminder comes at the first deadline, the escalation group at the second, and the merchant's
/// timeout outcome at the third, each only once the clock has passed it. A decision clicked after that is kept
/// and shown as late, and changes nothing.
/// </summary>
public sealed class ReviewDeadlineTests : IClassFixture<MailDevServer>, IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private const string Reviewer = "ann@example.com";
    private const string Lead = "lead@example.com";
    private static readonly TimeSpan ReminderAfter = TimeSpan.FromHours(4);
    private readonly FakeTimeProvider clock = new(TimeProvider.System.GetUtcNow());
    private readonly MailDevServer mail;
    private readonly ChromiumFixture chromium;
    private readonly ServeHarness serve;

    public ReviewDeadlineTests(MailDevServer mail, ChromiumFixture chromium)
    {
        this.mail = mail;
        this.chromium = chromium;
        serve = new ServeHarness(mail.HostSettings(), clock);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await serve.StartAsync();
        await serve.ConfigureMerchantAsync(new MerchantSettings
        {
            Platforms = ["google_shopping"],
            Reviewers = [Reviewer],
            EscalationReviewers = [Lead],
            ReviewReminderAfter = ReminderAfter,
            ReviewTimeoutOutcome = ReviewTimeoutOutcomes.Reject,
        });
    }

    [Fact]
    public async Task AwaitingReview_NobodyDecidesInTime_ReminderThenEscalationThenRejectedAndALateClickIsKept()
    {
        var jobId = await serve.UploadJewelryAsync("late", "ring.jpg", seed: 930);
        var instance = JobIdentity.ImageInstanceId(jobId);

        await WaitForDeadlinesAsync(instance, 1);
        Assert.Equal(["Review needed"], await SubjectsToAsync(Reviewer));
        clock.Advance(ReminderAfter - TimeSpan.FromMinutes(1));
        Assert.Equal(1, await DeadlinesAsync(instance));

        clock.Advance(TimeSpan.FromMinutes(1));
        await WaitForDeadlinesAsync(instance, 2);
        Assert.Equal(["Review needed", "Reminder: review waiting"], await SubjectsToAsync(Reviewer));
        Assert.Empty(await SubjectsToAsync(Lead));

        clock.Advance(ReminderAfter);
        await WaitForDeadlinesAsync(instance, 3);
        Assert.Equal(["Escalated: review waiting"], await SubjectsToAsync(Lead));
        Assert.Equal(3, (await SubjectsToAsync(Reviewer)).Count);

        clock.Advance(ReminderAfter);
        var outcome = await serve.WaitForOutcomeAsync(jobId);
        Assert.Equal(ImageStatus.NotApproved, outcome.Status);
        Assert.Equal("Review timed out after the reminder and the escalation (timeout outcome: reject): nothing was exported.", outcome.Reason);
        Assert.Empty(outcome.Exports);

        var escalation = (await mail.MessagesAsync(Token)).Single(m => m.IsTo(Lead));
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(MailLinks.Review(escalation.Text).AbsoluteUri);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        Assert.Equal("Your decision (approve) was recorded, but the review had already ended, so it changes nothing for this image.", await page.Locator(".banner").InnerTextAsync());
        await page.GoBackAsync();
        await page.ReloadAsync();
        Assert.Contains($"Already decided by {Lead}", await page.Locator(".banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("It came after the review had ended, so it changed nothing.", await page.Locator(".banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(ImageStatus.NotApproved, (await serve.WaitForOutcomeAsync(jobId)).Status);
    }

    public async ValueTask DisposeAsync() => await serve.DisposeAsync();

    // Each round of review mail is followed by one durable timer for its deadline.
    private async Task<int> DeadlinesAsync(string instance) =>
        (await serve.Engine.GetHistoryAsync(instance, Token)).Count(e => e.Type == HistoryEventType.TimerCreated);

    private Task WaitForDeadlinesAsync(string instance, int count) =>
        ServeHarness.WaitUntilAsync(async () => await DeadlinesAsync(instance) >= count, $"deadline timer {count}");

    private async Task<List<string>> SubjectsToAsync(string address) =>
        [.. (await mail.MessagesAsync(Token)).Where(m => m.IsTo(address)).Select(m => m.Subject.Split(" — ")[0])];
}
