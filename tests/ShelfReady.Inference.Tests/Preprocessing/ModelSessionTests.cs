using System.Text.Json.Nodes;
using NetVips;
using ShelfReady.Inference.Models;
using ShelfReady.Inference.Preprocessing;
using ShelfReady.Inference.Tests.Support;

namespace ShelfReady.Inference.Tests.Preprocessing;

public sealed class ModelSessionTests : IDisposable
{
    private const int Width = 5;
    private const int Height = 3;
    private readonly TestModelFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Run_UnitScaleMeanStd_WritesNormalisedNchwInRgbOrder()
    {
        double[] mean = [0.1, 0.2, 0.3];
        double[] std = [0.5, 0.25, 2];
        var card = IdentityCard("unit", card =>
        {
            card["input"]!["mean"] = new JsonArray([.. mean.Select(m => JsonValue.Create(m))]);
            card["input"]!["std"] = new JsonArray([.. std.Select(s => JsonValue.Create(s))]);
        });
        var (image, pixels) = TestImages.Random(Width, Height, 1);
        using (image)
        {
            var values = RunOne(card, image);

            AssertTensor(values, (c, p) => ((pixels[(p * 3) + c] / 255.0) - mean[c]) / std[c]);
        }
    }

    [Fact]
    public void Run_BgrOrder_PutsBlueInChannelZero()
    {
        var card = IdentityCard("bgr", card => card["input"]!["colorOrder"] = "BGR");
        var (image, pixels) = TestImages.Random(Width, Height, 2);
        using (image)
        {
            var values = RunOne(card, image);

            AssertTensor(values, (c, p) => pixels[(p * 3) + (2 - c)] / 255.0);
        }
    }

    [Fact]
    public void Run_MaxScale_DividesByTheLargestSample()
    {
        var card = IdentityCard("max", card => card["input"]!["scale"] = "max");
        var pixels = new byte[Width * Height * 3];
        new Random(3).NextBytes(pixels);
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(pixels[i] % 200);
        }

        using var image = Image.NewFromMemoryCopy(pixels, Width, Height, 3, Enums.BandFormat.Uchar);
        var max = (double)pixels.Max();

        var values = RunOne(card, image);

        AssertTensor(values, (c, p) => pixels[(p * 3) + c] / max);
    }

    [Fact]
    public void Run_NhwcLayout_WritesInterleavedSamples()
    {
        var json = TestModelFolder.SegmentationCard("nhwc", Width, Height);
        json["input"]!["layout"] = "NHWC";
        var card = folder.Write(json, TestGraphs.NhwcToNchw(Width, Height));
        var (image, pixels) = TestImages.Random(Width, Height, 4);
        using (image)
        {
            // The graph transposes NHWC back to NCHW, so reading it as NCHW checks where each sample was written.
            var values = RunOne(card, image);

            AssertTensor(values, (c, p) => pixels[(p * 3) + c] / 255.0);
        }
    }

    [Fact]
    public void Run_ImageLargerThanInput_ResizesToTheCardSize()
    {
        var card = IdentityCard("resize", _ => { });
        using var image = TestImages.Uniform(40, 17, 10, 120, 250);

        var values = RunOne(card, image);
        int[] colour = [10, 120, 250];
        AssertTensor(values, (c, _) => colour[c] / 255.0);
    }

    [Fact]
    public void Run_FixedBatchOfTwoWithOneImage_PadsAndReturnsOneItem()
    {
        var card = folder.Write(TestModelFolder.SegmentationCard("fixed2", Width, Height), TestGraphs.Identity(Width, Height, 2L));
        using var session = new ModelSession(card, new InferenceOptions { MaxBatch = 8 });
        var (image, pixels) = TestImages.Random(Width, Height, 5);
        using (image)
        {
            var output = session.Run([image], TestContext.Current.CancellationToken);

            Assert.Equal(2, session.MaxBatch);
            Assert.Equal(1, output.Count);
            Assert.Equal(2, output.Shape[0]);
            AssertTensor(output.Item(0).ToArray(), (c, p) => pixels[(p * 3) + c] / 255.0);
            Assert.All(output.Item(1).ToArray(), v => Assert.Equal(0f, v));
        }
    }

    [Fact]
    public void Run_CardInputNameNotInGraph_ThrowsNamingTheInputs()
    {
        var json = TestModelFolder.SegmentationCard("misnamed", Width, Height);
        json["input"]!["name"] = "pixels";
        var card = folder.Write(json, TestGraphs.Identity(Width, Height, "N"));

        var error = Assert.Throws<ModelCardException>(() => new ModelSession(card, new InferenceOptions()));

        Assert.Contains("'pixels'", error.Message, StringComparison.Ordinal);
        Assert.Contains("image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CardSizeDiffersFromGraph_Throws()
    {
        var card = folder.Write(TestModelFolder.SegmentationCard("wrongsize", Width + 1, Height), TestGraphs.Identity(Width, Height, "N"));

        var error = Assert.Throws<ModelCardException>(() => new ModelSession(card, new InferenceOptions()));

        Assert.Contains("shape", error.Message, StringComparison.Ordinal);
    }

    private ModelCard IdentityCard(string name, Action<JsonObject> customize)
    {
        var json = TestModelFolder.SegmentationCard(name, Width, Height);
        customize(json);
        return folder.Write(json, TestGraphs.Identity(Width, Height, "N"));
    }

    private static float[] RunOne(ModelCard card, Image image)
    {
        using var session = new ModelSession(card, new InferenceOptions());
        var output = session.Run([image], TestContext.Current.CancellationToken);
        Assert.Equal([1, 3, Height, Width], output.Shape);
        return output.Item(0).ToArray();
    }

    /// <summary>Checks an NCHW tensor against expected(channel, pixel index).</summary>
    private static void AssertTensor(float[] values, Func<int, int, double> expected)
    {
        var plane = Width * Height;
        Assert.Equal(3 * plane, values.Length);
        for (var c = 0; c < 3; c++)
        {
            for (var p = 0; p < plane; p++)
            {
                Assert.Equal(expected(c, p), values[(c * plane) + p], 1e-5);
            }
        }
    }
}
