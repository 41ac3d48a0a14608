using Microsoft.Playwright;

namespace ShelfReady.Host.Tests.Infrastructure;

/// <summary>Full-page screenshots of the pages under test, kept in artifacts/screenshots for a person to look at.</summary>
internal static class Screenshots
{
    /// <summary>The folder the screenshots go to (ignored by git).</summary>
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");

    /// <summary>Saves the page once its images have loaded, and checks the picture is the page's full width.</summary>
    public static async Task SaveAsync(IPage page, string fileName)
    {
        Directory.CreateDirectory(Folder);
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete)");
        var path = Path.Combine(Folder, fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        using var image = NetVips.Image.NewFromFile(path);
        Assert.Equal(ChromiumFixture.ViewportWidth, image.Width);
    }
}
