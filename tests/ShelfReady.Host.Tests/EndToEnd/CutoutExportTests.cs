using NetVips;
using ShelfReady.Host.Storage;
using ShelfReady.Imaging;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Profiles;
using ShelfReady.Pipeline.Quality;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Tests.EndToEnd;

public sealed class CutoutExportTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("shelfready-cutout-").FullName;

    [Fact]
    public async Task Export_CutoutOfABangle_WritesAVerifiedPngWhoseHoleIsTransparent()
    {
        var store = new FolderBlobStore(root);
        var token = TestContext.Current.CancellationToken;
        await WriteBangleAsync(store, "job1", token);
        var input = ExportInputFor("job1", "cutout");

        var output = await new ExportActivity(store, PlatformProfileCatalog.Builtin()).RunAsync(new ActivityContext("Export", "image-job1", token), input);

        var file = Assert.Single(output.Files);
        Assert.EndsWith("cutout/BANGLE_cutout.png", file.Path.Name, StringComparison.Ordinal);
        using var cutout = Image.NewFromBuffer(await store.ReadAsync(file.Path, token), failOn: Enums.FailOn.Error);
        Assert.Equal(4, cutout.Bands);

        // The bangle spans 800 px of a 1200 × 1000 photo; at 95% fill of the short side it keeps every pixel.
        Assert.InRange(cutout.Width, 1009, 1012);
        Assert.InRange(cutout.Height, 841, 843);
        using var alpha = cutout.ExtractBand(3);
        using var product = alpha > 127;
        var trim = product.FindTrim(threshold: 0, background: [0]);
        Assert.InRange(Convert.ToInt32(trim[3], System.Globalization.CultureInfo.InvariantCulture), 799, 801);
        using var centre = alpha.Crop((alpha.Width / 2) - 10, (alpha.Height / 2) - 10, 20, 20);
        Assert.Equal(0, centre.Max());
        using var rim = alpha.Crop((alpha.Width / 2) - 5, ((alpha.Height - 800) / 2) + 60, 10, 10);
        Assert.Equal(255, rim.Min());
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    // A bangle: an annulus 800 px across with a 500 px hole, navy on a grey backdrop; the matte is the annulus.
    private static async Task WriteBangleAsync(FolderBlobStore store, string jobId, CancellationToken token)
    {
        using var outer = Image.Sdf(1200, 1000, Enums.SdfShape.Circle, r: 400, a: [600, 500]);
        using var inner = Image.Sdf(1200, 1000, Enums.SdfShape.Circle, r: 250, a: [600, 500]);
        using var insideOuter = outer < 0;
        using var outsideInner = inner >= 0;
        using var ring = insideOuter & outsideInner;
        using var navy = Image.Black(1200, 1000, bands: 3) + new double[] { 40, 60, 120 };
        using var grey = Image.Black(1200, 1000, bands: 3) + new double[] { 150, 150, 150 };
        using var photo = ring.Ifthenelse(navy, grey);
        using var rgb = photo.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        using var mask = ring.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Bw);
        await WorkImages.WriteRawAsync(store, WorkPaths.Master(jobId), rgb, token);
        await WorkImages.WritePngAsync(store, WorkPaths.Mask(jobId, 1), mask, token);
    }

    private static ExportInput ExportInputFor(string jobId, string platform)
    {
        var job = new ProcessImageInput(jobId, "acme", "b1", new BlobPath(BlobContainers.Uploads, "acme/b1/bangle.jpg"));
        var attempt = new CutOutAttempt(
            1,
            new SegmentOutput(WorkPaths.Mask(jobId, 1), SegmentationStrategies.Primary, "classical"),
            new ComposeOutput(WorkPaths.Composite(jobId, 1), WorkPaths.CompositeMask(jobId, 1), 2000, 2000, 0.85, 1, 1, 1, new CompositeFrame(1, 0, 0, 0, 0)),
            new QcResult(100, 25, 25, 25, 25, QcVerdict.AutoApprove, [], []));
        var values = new Dictionary<string, string?> { ["sku"] = "BANGLE" };
        return new ExportInput(job, WorkPaths.Master(jobId), attempt, new AnalysisOutput(0.1, ProductComplexity.Simple, 0, 150, 150, 150), platform, values, MerchantSettings.Default);
    }
}
