using NetVips;
using ShelfReady.Inference.Models;
using ShelfReady.Inference.Preprocessing;
using ShelfReady.Inference.TextDetection;

namespace ShelfReady.Inference.Tests.TextDetection;

public sealed class OnnxTextDetectorTests
{
    [Theory]
    [InlineData(1500, 1000, 960, 640)]
    [InlineData(500, 300, 512, 288)]
    [InlineData(20, 3000, 32, 960)]
    public void TargetSize_LimitSide_KeepsAspectInMultiplesOf32(int width, int height, int expectedWidth, int expectedHeight)
    {
        var spec = InstalledDetector.Card.Input;

        Assert.Equal((expectedWidth, expectedHeight), TensorPacker.TargetSize(spec, width, height));
    }

    [Fact]
    public void Load_DetectorCard_ReadsBgrImageNetPreprocessingAndDbDefaults()
    {
        var card = InstalledDetector.Card;

        Assert.Equal(ModelTask.TextDetection, card.Task);
        Assert.Equal(ColorOrder.Bgr, card.Input.ColorOrder);
        Assert.Equal(ResizeMode.LimitSide, card.Input.Resize);
        Assert.Equal(new DetectionSpec(), card.Detection);
    }

    [Fact]
    public void Detect_RenderedLine_FindsOneBoxAroundItAndNothingOnBlankPaper()
    {
        using var detector = OnnxTextDetector.Open(InstalledDetector.Require(), new InferenceOptions());
        using var image = Page(1200, 800, ("ORGANIC WHEY PROTEIN", 200, 300, 48));

        var result = detector.Detect(image, TestContext.Current.CancellationToken);

        Assert.Equal((960, 640), (result.MapWidth, result.MapHeight));
        var box = Assert.Single(result.Regions);
        Assert.InRange(box.Score, 0.6, 1.0);
        Assert.InRange(box.X, 150, 210);
        Assert.InRange(box.Y, 260, 310);
        Assert.InRange(box.X + box.Width, 700, 1100);
        Assert.InRange(box.Height, 30, 110);
    }

    [Fact]
    public void Detect_BlankAndPlainProduct_FindsNoText()
    {
        using var detector = OnnxTextDetector.Open(InstalledDetector.Require(), new InferenceOptions());
        using var white = Image.Black(900, 900).NewFromImage(255, 255, 255).Cast(Enums.BandFormat.Uchar);
        using var disc = white.Mutate(m => m.DrawCircle([40.0, 90.0, 200.0], 450, 450, 300, fill: true));

        Assert.Empty(detector.Detect(white, TestContext.Current.CancellationToken).Regions);
        Assert.Empty(detector.Detect(disc, TestContext.Current.CancellationToken).Regions);
    }

    [Fact]
    public void Detect_ThreeSeparateLines_ReportsEachInSourcePixels()
    {
        using var detector = OnnxTextDetector.Open(InstalledDetector.Require(), new InferenceOptions());
        using var image = Page(1400, 1000, ("SALE 50%", 100, 100, 60), ("www.example-shop.com", 700, 500, 40), ("FREE SHIPPING", 150, 850, 50));

        var regions = detector.Detect(image, TestContext.Current.CancellationToken).Regions;

        Assert.Equal(3, regions.Count);
        Assert.Contains(regions, r => r.Y < 200 && r.X < 160);
        Assert.Contains(regions, r => r.Y is > 450 and < 560 && r.X > 650);
        Assert.Contains(regions, r => r.Y > 780);
    }

    private static Image Page(int width, int height, params (string Text, int X, int Y, int Size)[] lines)
    {
        var page = Image.Black(width, height).NewFromImage(255, 255, 255).Cast(Enums.BandFormat.Uchar);
        foreach (var (text, x, y, size) in lines)
        {
            using var mask = Image.Text(text, font: $"DejaVu Sans Bold {size}px", dpi: 72);
            using var ink = mask.NewFromImage(30, 30, 30).Copy(interpretation: Enums.Interpretation.Srgb);
            using var alpha = ink.Bandjoin(mask);
            var next = page.Composite2(alpha, Enums.BlendMode.Over, x: x, y: y).ExtractBand(0, 3).Cast(Enums.BandFormat.Uchar);
            page.Dispose();
            page = next;
        }

        return page;
    }
}
