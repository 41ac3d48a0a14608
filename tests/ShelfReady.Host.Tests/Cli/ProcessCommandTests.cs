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

    // The folder: a camera RAW, formats the pipeline has no decoder for, an upper-case extension, no
    // extension, a text file, a hidden file and a sidecar. Each visible non-sidecar file ends exported or
    // quarantined with a reason; none is passed over.
    [Fact]
    public async Task Process_EveryKindOfDroppedFile_ProcessesOrQuarantinesEachWithItsReason()
    {
        WritePhotos(2);
        var token = TestContext.Current.CancellationToken;
        File.Copy(Path.Combine(photos, "item-0.jpg"), Path.Combine(photos, "UPPER.JPG"));
        File.Copy(Path.Combine(photos, "item-1.jpg"), Path.Combine(photos, "no-extension"));
        await File.WriteAllBytesAsync(Path.Combine(photos, "shot.cr2"), [.. "II*\0"u8, 16, 0, 0, 0, .. "CR"u8, 2, 0, .. new byte[64]], token);
        await File.WriteAllBytesAsync(Path.Combine(photos, "scan.bmp"), [.. "BM"u8, .. new byte[64]], token);
        await File.WriteAllBytesAsync(Path.Combine(photos, "layers.psd"), [.. "8BPS"u8, .. new byte[64]], token);
        await File.WriteAllTextAsync(Path.Combine(photos, "notes.txt"), "shoot notes", token);
        await File.WriteAllTextAsync(Path.Combine(photos, ".DS_Store"), "finder", token);
        await File.WriteAllTextAsync(Path.Combine(photos, "item-0.jpg.json"), """{"category": "electronics"}""", token);

        var exitCode = await RunAsync();

        Assert.Equal(1, exitCode);
        Assert.Equal(4, Directory.GetFiles(ExportFolder("amazon_main")).Length);
        Assert.Equal(
            ["layers.psd.error.json", "notes.txt.error.json", "scan.bmp.error.json", "shot.cr2.error.json"],
            Directory.GetFiles(QuarantineFolder, "*.error.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("RAW", await File.ReadAllTextAsync(Path.Combine(QuarantineFolder, "shot.cr2.error.json"), token), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "storage", "uploads", "acme", BatchName, ".DS_Store")));
    }

    [Fact]
    public async Task Process_NamesThatCollideWhenMadeSafe_KeepsBothFiles()
    {
        WritePhotos(2);
        File.Move(Path.Combine(photos, "item-0.jpg"), Path.Combine(photos, "a b.jpg"));
        File.Move(Path.Combine(photos, "item-1.jpg"), Path.Combine(photos, "a_b.jpg"));

        var exitCode = await RunAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal(2, Directory.GetFiles(ExportFolder("amazon_main")).Length);
    }

    public void Dispose()
    {
        Directory.Delete(photos, recursive: true);
        Directory.Delete(output, recursive: true);
    }

    private string BatchName => Path.GetFileName(photos).ToLowerInvariant();

    private string QuarantineFolder => Path.Combine(output, "storage", "quarantine", "acme", BatchName);

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
