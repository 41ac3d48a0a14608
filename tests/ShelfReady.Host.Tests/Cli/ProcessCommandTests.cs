using ShelfReady.Host.Cli;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Synthetic;

namespace ShelfReady.Host.Tests.Cli;

/// <summary>The <c>process</c> command as a person runs it: a folder in, exports out, an exit code that tells.</summary>
public sealed class ProcessCommandTests : IDisposable
{
    private readonly string photos = Directory.CreateTempSubdirectory("shelfready-photos-").FullName;
    private readonly string output = Directory.CreateTempSubdirectory("shelfready-out-").FullName;

    [Fact]
    public async Task Process_GoodPhotos_ExportsThemAndExitsZero()
    {
        WritePhotos(2);

        var exitCode = await RunAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal(2, Directory.GetFiles(ExportFolder("amazon_main")).Length);
        Assert.True(File.Exists(Path.Combine(output, "storage", "exports", "acme", BatchName, "report.html")));
    }

    [Fact]
    public async Task Process_OneBrokenFile_QuarantinesItFinishesTheRestAndExitsNonZero()
    {
        WritePhotos(2);
        await File.WriteAllTextAsync(Path.Combine(photos, "broken.jpg"), "not a photo", TestContext.Current.CancellationToken);

        var exitCode = await RunAsync();

        Assert.Equal(1, exitCode);
        Assert.Equal(2, Directory.GetFiles(ExportFolder("amazon_main")).Length);
        Assert.True(File.Exists(Path.Combine(output, "storage", "quarantine", "acme", BatchName, "broken.jpg.error.json")));
    }

    public void Dispose()
    {
        Directory.Delete(photos, recursive: true);
        Directory.Delete(output, recursive: true);
    }

    private string BatchName => Path.GetFileName(photos).ToLowerInvariant();

    private string ExportFolder(string platform) => Path.Combine(output, "storage", "exports", "acme", BatchName, platform);

    private Task<int> RunAsync() =>
        ShelfReadyCli.Create().Parse(["process", photos, "--merchant", "acme", "--platforms", "amazon_main", "--out", output]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

    private void WritePhotos(int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Seed = 300 + i, Width = 1200, Height = 900, Complexity = ProductComplexity.Simple, Category = "electronics" });
            File.WriteAllBytes(Path.Combine(photos, $"item-{i}.jpg"), shot.ToJpeg());
        }
    }
}
