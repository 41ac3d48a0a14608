using System.Text.Json.Nodes;
using ShelfReady.Inference.Models;

namespace ShelfReady.Inference.Tests.Support;

/// <summary>A temporary models folder for small graphs built in a test, each with a card.</summary>
internal sealed class TestModelFolder : IDisposable
{
    public TestModelFolder()
    {
        Directory.CreateDirectory(Root);
    }

    public string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "shelfready-inference-" + Guid.NewGuid().ToString("N"));

    /// <summary>A segmentation card's JSON for a graph with input "image"; tests adjust it before writing.</summary>
    public static JsonObject SegmentationCard(string name, int width, int height) => new()
    {
        ["name"] = name,
        ["family"] = "test",
        ["task"] = "segmentation",
        ["file"] = name + ".onnx",
        ["input"] = new JsonObject
        {
            ["name"] = "image",
            ["width"] = width,
            ["height"] = height,
            ["layout"] = "NCHW",
            ["colorOrder"] = "RGB",
            ["scale"] = "unit",
            ["mean"] = new JsonArray(0, 0, 0),
            ["std"] = new JsonArray(1, 1, 1),
            ["resize"] = "stretch",
        },
        ["output"] = new JsonObject { ["index"] = 0, ["activation"] = "none", ["normalize"] = "none" },
        ["provenance"] = new JsonObject { ["source"] = "test", ["licence"] = "test", ["commercialUse"] = true },
    };

    /// <summary>Writes the model and card under &lt;root&gt;/&lt;name&gt;/ and loads the card.</summary>
    public ModelCard Write(JsonObject card, byte[]? model)
    {
        var name = card["name"]!.GetValue<string>();
        var folder = System.IO.Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        if (model is not null)
        {
            File.WriteAllBytes(System.IO.Path.Combine(folder, name + ".onnx"), model);
        }

        var cardPath = System.IO.Path.Combine(folder, ModelCard.CardFileName);
        File.WriteAllText(cardPath, card.ToJsonString());
        return ModelCard.Load(cardPath);
    }

    /// <summary>Writes a file next to a card (labels, taxonomy).</summary>
    public void WriteFile(string name, string file, string content)
    {
        var folder = System.IO.Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(System.IO.Path.Combine(folder, file), content);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
