using System.Text.Json.Nodes;
using ShelfReady.Inference.Models;
using ShelfReady.Inference.Tests.Support;

namespace ShelfReady.Inference.Tests.Models;

public sealed class ModelCardTests : IDisposable
{
    private readonly TestModelFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void LoadAll_RepositoryModels_LoadsTinyAndPublishedFamilies()
    {
        var cards = ModelCard.LoadAll(RepositoryRoot.Models);

        Assert.Equal(
            ["birefnet-general", "bria-rmbg-1.4", "bria-rmbg-2.0", "colour-classifier", "isnet-general-use", "ppocr-v4-det", "studio-conv", "studio-tiny", "u2net", "u2netp"],
            cards.Select(c => c.Name));
        Assert.All(cards.Where(c => c.Family == "shelfready-tiny"), c => Assert.True(c.IsInstalled));
    }

    [Theory]
    [InlineData("u2net", 320, PixelScale.Max, OutputActivation.None, OutputNormalization.MinMax)]
    [InlineData("u2netp", 320, PixelScale.Max, OutputActivation.None, OutputNormalization.MinMax)]
    [InlineData("isnet-general-use", 1024, PixelScale.Unit, OutputActivation.None, OutputNormalization.MinMax)]
    [InlineData("birefnet-general", 1024, PixelScale.Unit, OutputActivation.Sigmoid, OutputNormalization.None)]
    [InlineData("bria-rmbg-1.4", 1024, PixelScale.Unit, OutputActivation.None, OutputNormalization.MinMax)]
    [InlineData("bria-rmbg-2.0", 1024, PixelScale.Max, OutputActivation.None, OutputNormalization.MinMax)]
    public void Load_PublishedFamily_HasItsPreprocessingAndProvenance(string name, int size, PixelScale scale, OutputActivation activation, OutputNormalization normalize)
    {
        var card = ModelCard.Load(TinyModels.CardPath(name));

        Assert.Equal(ModelTask.Segmentation, card.Task);
        Assert.Equal((size, size), (card.Input.Width, card.Input.Height));
        Assert.Equal((scale, activation, normalize), (card.Input.Scale, card.Output.Activation, card.Output.Normalize));
        Assert.False(string.IsNullOrWhiteSpace(card.Provenance.Notes));
        Assert.StartsWith("https://", card.Provenance.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bria-rmbg-1.4")]
    [InlineData("bria-rmbg-2.0")]
    public void Load_BriaModels_AreFlaggedNonCommercial(string name)
    {
        var card = ModelCard.Load(TinyModels.CardPath(name));

        Assert.False(card.Provenance.CommercialUse);
        Assert.Contains("NON-COMMERCIAL", card.Provenance.Licence, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Valid_ResolvesPathsBesideTheCard()
    {
        var card = folder.Write(TestModelFolder.SegmentationCard("paths", 8, 8), model: null);

        Assert.Equal(Path.Combine(folder.Root, "paths", "paths.onnx"), card.ModelPath);
        Assert.False(card.IsInstalled);
        Assert.Equal(TensorLayout.Nchw, card.Input.Layout);
    }

    [Theory]
    [InlineData("input.std", "std")]
    [InlineData("input.mean", "mean")]
    [InlineData("input.width", "width")]
    [InlineData("file", "'..'")]
    [InlineData("activation", "softmax")]
    [InlineData("sha256", "sha256")]
    [InlineData("labels", "labels")]
    public void Load_InvalidField_ThrowsNamingTheCardAndField(string field, string expected)
    {
        var json = TestModelFolder.SegmentationCard("bad", 8, 8);
        switch (field)
        {
            case "input.std": json["input"]!["std"] = new JsonArray(1, 0, 1); break;
            case "input.mean": json["input"]!["mean"] = new JsonArray(0, 0); break;
            case "input.width": json["input"]!["width"] = 0; break;
            case "file": json["file"] = "../elsewhere.onnx"; break;
            case "activation": json["output"]!["activation"] = "softmax"; break;
            case "sha256": json["provenance"]!["sha256"] = "ABC"; break;
            default: json["task"] = "classification"; break;
        }

        var error = Assert.Throws<ModelCardException>(() => folder.Write(json, model: null));

        Assert.Contains(Path.Combine(folder.Root, "bad", ModelCard.CardFileName), error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("layout", "NCWH")]
    [InlineData("scale", "percent")]
    public void Load_UnknownEnumValue_ThrowsWithJsonPath(string field, string value)
    {
        var json = TestModelFolder.SegmentationCard("enum", 8, 8);
        json["input"]![field] = value;

        var error = Assert.Throws<ModelCardException>(() => folder.Write(json, model: null));

        Assert.Contains("$.input." + field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingRequiredMember_Throws()
    {
        var json = TestModelFolder.SegmentationCard("missing", 8, 8);
        json.Remove("provenance");

        var error = Assert.Throws<ModelCardException>(() => folder.Write(json, model: null));

        Assert.Contains("provenance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownMember_Throws()
    {
        var json = TestModelFolder.SegmentationCard("typo", 8, 8);
        json["input"]!["colourOrder"] = "RGB";

        var error = Assert.Throws<ModelCardException>(() => folder.Write(json, model: null));

        Assert.Contains("colourOrder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_DuplicateNames_Throws()
    {
        folder.Write(TestModelFolder.SegmentationCard("one", 8, 8), model: null);
        var twin = TestModelFolder.SegmentationCard("two", 8, 8);
        Directory.CreateDirectory(Path.Combine(folder.Root, "two"));
        twin["name"] = "one";
        File.WriteAllText(Path.Combine(folder.Root, "two", ModelCard.CardFileName), twin.ToJsonString());

        var error = Assert.Throws<ModelCardException>(() => ModelCard.LoadAll(folder.Root));

        Assert.Contains("'one'", error.Message, StringComparison.Ordinal);
    }
}
