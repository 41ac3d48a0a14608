using System.IO.Compression;
using NetVips;
using ShelfReady.Host.Batches;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Color;
using ShelfReady.Imaging.Encoders;
using ShelfReady.Imaging.Quality;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Quality;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Tests.EndToEnd;

public sealed class DemoBatchEndToEndTests(DemoBatchFixture batch) : IClassFixture<DemoBatchFixture>
{
    // JPEG codes 8×8 blocks; a block that holds any edge pixel may ring. Beyond two blocks from the product
    // every block is flat white, which a baseline JPEG decodes back to exactly 255.
    private const int JpegRingingMargin = 16;

    [Fact]
    public void Run_SimpleProducts_AtLeastNinetyPercentAutoApproved()
    {
        var simple = batch.Files.Where(f => f.Complexity == ProductComplexity.Simple).ToList();
        var approved = simple.Count(f => batch.RunOf(f) is { State: ImageRunState.Exported, Outcome: { ReviewedBy: null, Qc.Verdict: QcVerdict.AutoApprove } });

        Assert.True(simple.Count >= 20, $"only {simple.Count} simple products generated");
        Assert.True(approved >= 0.9 * simple.Count, $"{approved} of {simple.Count} simple products auto-approved: " + Describe(simple));
    }

    [Fact]
    public void Run_ComplexProducts_AllAwaitReview()
    {
        var complex = batch.Files.Where(f => f.Complexity == ProductComplexity.Complex).ToList();

        Assert.NotEmpty(complex);
        Assert.All(complex, f => Assert.Equal(ImageRunState.AwaitingReview, batch.RunOf(f).State));
    }

    [Fact]
    public async Task Run_BrokenFiles_AreQuarantinedWithReasonsWhileTheRestFinish()
    {
        var broken = batch.Files.Where(f => f.IsBroken).ToList();

        Assert.Equal(4, broken.Count);
        foreach (var file in broken)
        {
            Assert.Equal(ImageRunState.Rejected, batch.RunOf(file).State);
            var upload = new BlobPath(BlobContainers.Uploads, $"{DemoBatchFixture.Merchant}/{DemoBatchFixture.Batch}/{file.Name}");
            var record = PipelineJson.Read<QuarantineRecord>(await batch.Store.ReadAsync(WorkPaths.QuarantineReason(upload), TestContext.Current.CancellationToken), file.Name);
            Assert.False(string.IsNullOrWhiteSpace(record.Reason));
            Assert.NotNull(await batch.Store.GetPropertiesAsync(WorkPaths.Quarantined(upload), TestContext.Current.CancellationToken));
        }

        Assert.DoesNotContain(batch.Result.Images, run => run.State is ImageRunState.Running or ImageRunState.Failed);
    }

    [Fact]
    public async Task Run_AmazonMainExports_ArePureWhiteJpegAt2000WithFill85()
    {
        var exported = batch.Result.Images.Where(run => run.State == ImageRunState.Exported).ToList();

        Assert.NotEmpty(exported);
        foreach (var run in exported)
        {
            var file = run.Outcome!.Exports.Single(e => e.Platform == "amazon_main").Files.Single();
            var bytes = File.ReadAllBytes(batch.Store.FilePath(file.Path));
            var properties = EncodedImageInspector.Inspect(bytes);
            Assert.Equal((OutputFormat.Jpeg, 2000, 2000, 8), (properties.Format, properties.Width, properties.Height, properties.BitDepth));
            Assert.Contains("sRGB", properties.IccDescription, StringComparison.OrdinalIgnoreCase);

            using var image = Image.NewFromBuffer(bytes, access: Enums.Access.Random);
            var visible = ProductBox(image);
            Assert.InRange(Math.Max(visible.Width, visible.Height) / 2000.0, 0.83, 0.87);
            var product = await ProductOfMatteAsync(run, image.Width);
            Assert.Equal(0, NonWhiteOutside(image, product, JpegRingingMargin));
        }
    }

    [Fact]
    public void Run_ShopifyExports_AreSquare2048WebPWithJpegFallback()
    {
        var files = ExportsOf("shopify");
        var byImage = files.GroupBy(f => Path.GetFileNameWithoutExtension(f.Path.FileName)).ToList();

        Assert.NotEmpty(byImage);
        foreach (var image in byImage)
        {
            var formats = image.Select(f => EncodedImageInspector.Inspect(File.ReadAllBytes(batch.Store.FilePath(f.Path)))).ToList();
            Assert.Equal([OutputFormat.Jpeg, OutputFormat.WebP], formats.Select(p => p.Format).Order());
            Assert.All(formats, p => Assert.Equal((2048, 2048), (p.Width, p.Height)));
        }
    }

    [Fact]
    public void Run_PrintExports_Are16BitAdobeRgbTiffAt300Dpi()
    {
        var files = ExportsOf("print_catalog");

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var properties = EncodedImageInspector.Inspect(File.ReadAllBytes(batch.Store.FilePath(file.Path)));
            Assert.Equal((OutputFormat.Tiff, 16, AdobeRgb1998.Description), (properties.Format, properties.BitDepth, properties.IccDescription));
            Assert.Equal(300, properties.Dpi, 1);
        }
    }

    [Fact]
    public async Task Run_DeliveryZip_ManifestMatchesItsFiles()
    {
        var token = TestContext.Current.CancellationToken;
        var manifest = PipelineJson.Read<DeliveryManifest>(await batch.Store.ReadAsync(batch.Result.Package.Manifest, token), "manifest");
        using var zip = ZipFile.OpenRead(batch.Store.FilePath(batch.Result.Package.Zip));
        var listed = manifest.Images.SelectMany(i => i.Files).ToDictionary(f => f.Entry);

        Assert.Equal(listed.Keys.Order(StringComparer.Ordinal), zip.Entries.Select(e => e.FullName).Where(n => n is not "manifest.json" and not "exports.csv").Order(StringComparer.Ordinal));
        foreach (var entry in zip.Entries.Where(e => listed.ContainsKey(e.FullName)))
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, token);
            Assert.Equal(listed[entry.FullName].Bytes, copy.Length);
            Assert.Equal(listed[entry.FullName].Sha256, JobIdentity.ContentHash(copy.ToArray()));
        }

        Assert.Equal(batch.Result.Count(ImageRunState.Exported), manifest.Images.Count(i => i.Status == ImageStatus.Exported));
    }

    private List<ExportedFile> ExportsOf(string platform) =>
        batch.Result.Images
            .SelectMany(run => run.Outcome?.Exports ?? [])
            .Where(e => e.Platform == platform)
            .SelectMany(e => e.Files)
            .ToList();

    private string Describe(IEnumerable<Demo.DemoFile> files) =>
        string.Join("; ", files.Select(f => batch.RunOf(f)).Select(r => $"{r.Upload.FileName} {r.State} {r.Outcome?.Qc?.Score} {string.Join(" ", r.Outcome?.Qc?.Reasons ?? [])}"));

    // Where the pipeline's own matte puts any product at all: the approved attempt's composite matte, scaled
    // like the export.
    private async Task<ProductBounds> ProductOfMatteAsync(ImageRun run, int exportSide)
    {
        var matteBytes = await batch.Store.ReadAsync(WorkPaths.CompositeMask(run.JobId, run.Outcome!.Attempts), TestContext.Current.CancellationToken);
        using var matte = Image.NewFromBuffer(matteBytes);
        var bounds = FillRatio.FindBounds(matte, 1);
        var scale = (double)exportSide / matte.Width;
        return new ProductBounds((int)Math.Floor(bounds.Left * scale), (int)Math.Floor(bounds.Top * scale), (int)Math.Ceiling(bounds.Width * scale) + 1, (int)Math.Ceiling(bounds.Height * scale) + 1);
    }

    // The product's visible box read from the export itself: every pixel with a channel under 250 belongs to it.
    private static ProductBounds ProductBox(Image image)
    {
        using var rgb = image.ExtractBand(0, 3);
        using var below = rgb < 250;
        using var anyBelow = below.Bandbool(Enums.OperationBoolean.Or);
        return FillRatio.FindBounds(anyBelow, 1);
    }

    private static long NonWhiteOutside(Image image, ProductBounds box, int margin)
    {
        var pixels = PixelValues(image);
        long count = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var inside = x >= box.Left - margin && x < box.Left + box.Width + margin && y >= box.Top - margin && y < box.Top + box.Height + margin;
                var i = ((y * image.Width) + x) * 3;
                if (!inside && (pixels[i] != 255 || pixels[i + 1] != 255 || pixels[i + 2] != 255))
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static byte[] PixelValues(Image image)
    {
        using var rgb = image.ExtractBand(0, 3);
        return rgb.WriteToMemory<byte>();
    }
}
