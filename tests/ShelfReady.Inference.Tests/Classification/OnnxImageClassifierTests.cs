using ShelfReady.Inference.Classification;
using ShelfReady.Inference.Models;
using ShelfReady.Inference.Tests.Support;
using ShelfReady.ModelBuilder.Models;

namespace ShelfReady.Inference.Tests.Classification;

public sealed class OnnxImageClassifierTests : IDisposable
{
    private readonly OnnxImageClassifier classifier =
        OnnxImageClassifier.Open(ModelCard.Load(TinyModels.CardPath(ColourClassifierModel.Name)), new InferenceOptions { IntraOpThreads = 1 });

    public void Dispose() => classifier.Dispose();

    [Theory]
    [InlineData(220, 30, 40, "red object", "toys")]
    [InlineData(40, 200, 60, "green object", "home")]
    [InlineData(30, 60, 230, "blue object", "electronics")]
    [InlineData(15, 15, 20, "dark object", "books")]
    [InlineData(252, 246, 238, "light object", "cosmetics_tube")]
    public void Classify_UniformColour_TopKMatchesClosedFormAndMapsCategory(byte red, byte green, byte blue, string label, string category)
    {
        using var image = TestImages.Uniform(300, 200, red, green, blue);

        var result = classifier.Classify(image, TestContext.Current.CancellationToken);

        var expected = Softmax(ColourClassifierModel.ExpectedLogits(red / 255.0, green / 255.0, blue / 255.0));
        var order = Enumerable.Range(0, expected.Length).OrderByDescending(i => expected[i]).Take(3).ToArray();
        Assert.Equal(3, result.Top.Count);
        Assert.Equal(order.Select(i => ColourClassifierModel.Classes[i].Label), result.Top.Select(t => t.Label));
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(expected[order[k]], result.Top[k].Probability, 1e-4);
            Assert.Equal(ColourClassifierModel.Classes[order[k]].Category, result.Top[k].Category);
        }

        Assert.Equal(label, result.Top[0].Label);
        Assert.Equal(category, result.Category);
        Assert.Equal(result.Top[0].Probability, result.Confidence);
    }

    [Fact]
    public void Classify_MidGreyBelowConfidenceFloor_IsUnknown()
    {
        using var image = TestImages.Uniform(224, 224, 128, 128, 128);

        var result = classifier.Classify(image, TestContext.Current.CancellationToken);

        Assert.True(result.Confidence < classifier.Card.ConfidenceFloor);
        Assert.Equal(OnnxImageClassifier.Unknown, result.Category);
        Assert.NotNull(result.Top[0].Category);
    }

    [Fact]
    public void Open_LabelCountDiffersFromModel_Throws()
    {
        using var folder = new TestModelFolder();
        var source = ModelCard.Load(TinyModels.CardPath(ColourClassifierModel.Name));
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(source.CardPath))!.AsObject();
        json["name"] = "short-labels";
        json["file"] = "short-labels.onnx";
        json["provenance"]!["sha256"] = null;
        json["taxonomy"] = null;
        folder.WriteFile("short-labels", "labels.txt", "red object\nblue object\n");
        var card = folder.Write(json, File.ReadAllBytes(source.ModelPath));

        var error = Assert.Throws<ModelCardException>(() => OnnxImageClassifier.Open(card, new InferenceOptions()));

        Assert.Contains("2 labels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SegmentationCard_Throws()
    {
        Assert.Throws<ArgumentException>(() => OnnxImageClassifier.Open(ModelCard.Load(TinyModels.CardPath("studio-tiny")), new InferenceOptions()));
    }

    private static double[] Softmax(double[] logits)
    {
        var max = logits.Max();
        var sum = logits.Sum(l => Math.Exp(l - max));
        return [.. logits.Select(l => Math.Exp(l - max) / sum)];
    }
}
