using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShelfReady.ModelBuilder.Models;

/// <summary>
/// Every file the builder writes under models/: each tiny model in its own folder beside its card.json (and the
/// classifier's labels and taxonomy). Pure function of the code, so re-running gives byte-identical files.
/// </summary>
internal static class ModelCatalog
{
    private const string Source = "tools/ShelfReady.ModelBuilder in this repository";
    private const string Licence = "Same licence as ShelfReady";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Relative path (forward slashes) and content of every generated file, in a fixed order.</summary>
    public static IReadOnlyList<(string Path, byte[] Content)> Files()
    {
        var files = new List<(string, byte[])>();
        AddSegmentation(files, StudioTinyModel.Name, StudioTinyModel.Build(),
            "Closed form: Sigmoid(40 · (1 − mean(R,G,B) − 0.16)) on [0,1] RGB. A test fixture and a fallback for light studio backdrops, not a general segmenter.");
        AddSegmentation(files, StudioConvModel.Name, StudioConvModel.Build(),
            "Designed (untrained) 3×3 convolutions approximating the studio-tiny darkness mask, smoothed over 7×7; about 25 M multiply-adds per image, for benchmarks.");

        var classifier = ColourClassifierModel.Build();
        var folder = ColourClassifierModel.Name;
        files.Add(($"{folder}/{folder}.onnx", classifier));
        files.Add(($"{folder}/labels.txt", Encoding.UTF8.GetBytes(string.Concat(ColourClassifierModel.Classes.Select(c => c.Label + "\n")))));
        var taxonomy = new JsonObject();
        foreach (var (label, category) in ColourClassifierModel.Classes)
        {
            taxonomy[label] = category;
        }

        files.Add(($"{folder}/taxonomy.json", Json(taxonomy)));
        var card = Card(folder, "classification", classifier,
            Input("input", ColourClassifierModel.Size, ColourClassifierModel.Mean, ColourClassifierModel.Std),
            "softmax",
            "Closed form: logits linear in the mean colour (GlobalAveragePool → Flatten → Gemm) over five colour classes. Demonstrates the classifier path; not a product recogniser.");
        card["labels"] = "labels.txt";
        card["taxonomy"] = "taxonomy.json";
        card["confidenceFloor"] = 0.5;
        card["topK"] = 3;
        files.Add(($"{folder}/card.json", Json(card)));
        return files;
    }

    /// <summary>Writes the files under <paramref name="directory"/>, creating folders as needed, and returns what it wrote.</summary>
    public static IReadOnlyList<(string Path, byte[] Content)> WriteTo(string directory)
    {
        var files = Files();
        foreach (var (path, content) in files)
        {
            var target = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, content);
        }

        return files;
    }

    private static void AddSegmentation(List<(string, byte[])> files, string name, byte[] model, string notes)
    {
        files.Add(($"{name}/{name}.onnx", model));
        var input = Input("image", StudioTinyModel.Size, [0f, 0f, 0f], [1f, 1f, 1f]);
        files.Add(($"{name}/card.json", Json(Card(name, "segmentation", model, input, "none", notes))));
    }

    private static JsonObject Input(string name, int size, float[] mean, float[] std) => new()
    {
        ["name"] = name,
        ["width"] = size,
        ["height"] = size,
        ["layout"] = "NCHW",
        ["colorOrder"] = "RGB",
        ["scale"] = "unit",
        ["mean"] = new JsonArray([.. mean.Select(m => JsonValue.Create((double)(decimal)m))]),
        ["std"] = new JsonArray([.. std.Select(s => JsonValue.Create((double)(decimal)s))]),
        ["resize"] = "stretch",
    };

    private static JsonObject Card(string name, string task, byte[] model, JsonObject input, string activation, string notes) => new()
    {
        ["name"] = name,
        ["family"] = "shelfready-tiny",
        ["task"] = task,
        ["file"] = $"{name}.onnx",
        ["input"] = input,
        ["output"] = new JsonObject { ["index"] = 0, ["activation"] = activation, ["normalize"] = "none" },
        ["provenance"] = new JsonObject
        {
            ["source"] = Source,
            ["licence"] = Licence,
            ["commercialUse"] = true,
            ["sizeBytes"] = model.Length,
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(model)),
            ["notes"] = notes,
        },
    };

    private static byte[] Json(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(Indented) + "\n");
}
