using Microsoft.Playwright;

namespace ShelfReady.Host.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (package chromium, installed by scripts/install-test-deps) driven by Playwright. Tests call
/// <see cref="NewPageAsync"/>, which skips with a message where Chromium is absent and fails when CI=true.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>Where Debian installs Chromium.</summary>
    public const string Executable = "/usr/bin/chromium";

    /// <summary>The width the review pages are designed for and screenshotted at.</summary>
    public const int ViewportWidth = 1400;

    // Without these, Chromium reaches for Google's hosts at start and on a closed network fails at random.
    private static readonly string[] QuietFlags = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Executable))
        {
            return;
        }

        playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Executable, Headless = true, Args = QuietFlags }).ConfigureAwait(false);
    }

    /// <summary>A fresh browser context (no cookies, no cache) and a page in it, 1400 px wide.</summary>
    public async Task<IPage> NewPageAsync()
    {
        if (browser is null)
        {
            var message = $"Chromium is not installed at {Executable}. Run: bash scripts/install-test-deps";
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), message);
            Assert.Skip(message);
        }

        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = ViewportWidth, Height = 1000 } }).ConfigureAwait(false);
        return await context.NewPageAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync().ConfigureAwait(false);
        }

        playwright?.Dispose();
    }
}
