using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShelfReady.Inference.Models;

/// <summary>
/// Everything needed to run a model correctly: file, input preprocessing, output interpretation, labels and
/// provenance. Stored as models/&lt;name&gt;/card.json, with the model file and label files beside it; paths in
/// the card are relative to the card's folder.
/// </summary>
public sealed record ModelCard
{
    /// <summary>File name every card has inside its model's folder.</summary>
    public const string CardFileName = "card.json";

    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    /// <summary>Unique model name, e.g. "u2net", "studio-tiny".</summary>
    public required string Name { get; init; }

    /// <summary>Model family, e.g. "u2net", "isnet", "birefnet", "rmbg".</summary>
    public required string Family { get; init; }

    /// <summary>What the model does.</summary>
    public required ModelTask Task { get; init; }

    /// <summary>Model file, relative to the card's folder.</summary>
    public required string File { get; init; }

    /// <summary>Input preprocessing.</summary>
    public required ModelInputSpec Input { get; init; }

    /// <summary>Output interpretation.</summary>
    public required ModelOutputSpec Output { get; init; }

    /// <summary>Classification: label file, one label per line in output order (ImageNet style), relative to the card's folder.</summary>
    public string? Labels { get; init; }

    /// <summary>Classification: JSON object mapping labels to ShelfReady product categories, relative to the card's folder.</summary>
    public string? Taxonomy { get; init; }

    /// <summary>Classification: top probability below which the category is "unknown", 0–1. Default 0.</summary>
    public double? ConfidenceFloor { get; init; }

    /// <summary>Classification: how many classes to report, ≥ 1. Default 5.</summary>
    public int? TopK { get; init; }

    /// <summary>Text detection: how the probability map becomes boxes; null for PaddleOCR's defaults.</summary>
    public DetectionSpec? Detection { get; init; }

    /// <summary>Where npm installs the model file when it is not beside the card; null for a file kept in the card's folder.</summary>
    public NpmModelFile? Npm { get; init; }

    /// <summary>Source, licence and checksum.</summary>
    public required ModelProvenance Provenance { get; init; }

    /// <summary>Absolute path of the card file it was loaded from.</summary>
    [JsonIgnore]
    public string CardPath { get; private init; } = "";

    /// <summary>Absolute path of the model file: beside the card, else where the card's npm package installs it.</summary>
    [JsonIgnore]
    public string ModelPath =>
        System.IO.File.Exists(Resolve(File)) || Npm is null ? Resolve(File) : Npm.Find(Path.GetDirectoryName(CardPath) ?? "") ?? Resolve(File);

    /// <summary>Absolute path of the label file; null without one.</summary>
    [JsonIgnore]
    public string? LabelsPath => Labels is null ? null : Resolve(Labels);

    /// <summary>Absolute path of the taxonomy file; null without one.</summary>
    [JsonIgnore]
    public string? TaxonomyPath => Taxonomy is null ? null : Resolve(Taxonomy);

    /// <summary>True when the model file is present (public models' cards ship without their files).</summary>
    [JsonIgnore]
    public bool IsInstalled => System.IO.File.Exists(ModelPath);

    /// <summary>Reads and validates a card. Throws <see cref="ModelCardException"/> naming the file and every problem.</summary>
    public static ModelCard Load(string cardPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cardPath);
        var fullPath = Path.GetFullPath(cardPath);
        ModelCard? card;
        try
        {
            using var stream = System.IO.File.OpenRead(fullPath);
            card = JsonSerializer.Deserialize<ModelCard>(stream, ReadOptions);
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ModelCardException($"Model card {fullPath} cannot be read: {exception.Message}", exception);
        }

        if (card is null)
        {
            throw new ModelCardException($"Model card {fullPath} is empty (null).");
        }

        card = card with { CardPath = fullPath };
        var problems = card.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ModelCardException($"Model card {fullPath} is invalid: {string.Join(" ", problems)}");
        }

        return card;
    }

    /// <summary>Loads every &lt;folder&gt;/card.json directly under <paramref name="directory"/>, ordered by name; names must be unique.</summary>
    public static IReadOnlyList<ModelCard> LoadAll(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Models directory {Path.GetFullPath(directory)} does not exist.");
        }

        var cards = Directory.EnumerateDirectories(directory)
            .Select(folder => Path.Combine(folder, CardFileName))
            .Where(System.IO.File.Exists)
            .Select(Load)
            .OrderBy(card => card.Name, StringComparer.Ordinal)
            .ToList();
        var duplicate = cards.GroupBy(card => card.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ModelCardException($"Model name '{duplicate.Key}' is used by more than one card: {string.Join(", ", duplicate.Select(c => c.CardPath))}.");
        }

        return cards;
    }

    private string Resolve(string relative) => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(CardPath) ?? "", relative));

    private IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name) || string.IsNullOrWhiteSpace(Family))
        {
            yield return "name and family must not be empty.";
        }

        foreach (var (field, path) in new[] { ("file", File), ("labels", Labels), ("taxonomy", Taxonomy), ("npm.path", Npm?.Path) })
        {
            if (path is not null && !IsInsideFolder(path))
            {
                yield return $"{field} must be a path relative to the card's folder, without '..'; it is '{path}'.";
            }
        }

        foreach (var problem in Input.Problems())
        {
            yield return problem;
        }

        if (Output.Index < 0)
        {
            yield return $"output.index must be ≥ 0; it is {Output.Index}.";
        }

        var taskProblems = Task switch
        {
            ModelTask.Segmentation => SegmentationProblems(),
            ModelTask.TextDetection => DetectionProblems(),
            _ => ClassificationProblems(),
        };
        foreach (var problem in taskProblems)
        {
            yield return problem;
        }

        foreach (var problem in ProvenanceProblems())
        {
            yield return problem;
        }
    }

    private IEnumerable<string> SegmentationProblems()
    {
        if (Output.Activation == OutputActivation.Softmax)
        {
            yield return "output.activation 'softmax' is for classification; a segmentation card uses 'none' or 'sigmoid'.";
        }

        if (Labels is not null || Taxonomy is not null || ConfidenceFloor is not null || TopK is not null)
        {
            yield return "labels, taxonomy, confidenceFloor and topK belong to classification cards.";
        }
    }

    private IEnumerable<string> DetectionProblems()
    {
        if (Output.Activation == OutputActivation.Softmax || Output.Normalize != OutputNormalization.None)
        {
            yield return "a text detection card's output is a probability map: activation 'none' or 'sigmoid', normalize 'none'.";
        }

        if (Input.Resize != ResizeMode.LimitSide || Input.Width != Input.Height || Input.Width % 32 != 0)
        {
            yield return "a text detection card uses input.resize 'limitSide' with input.width = input.height = the limit side, a multiple of 32.";
        }

        if (Labels is not null || Taxonomy is not null || ConfidenceFloor is not null || TopK is not null)
        {
            yield return "labels, taxonomy, confidenceFloor and topK belong to classification cards.";
        }

        foreach (var problem in (Detection ?? new DetectionSpec()).Problems())
        {
            yield return problem;
        }
    }

    private IEnumerable<string> ClassificationProblems()
    {
        if (Output.Normalize != OutputNormalization.None)
        {
            yield return "output.normalize must be 'none' for classification.";
        }

        if (Labels is null)
        {
            yield return "labels is required for classification: a file with one label per line.";
        }
        else if (IsInsideFolder(Labels) && !System.IO.File.Exists(LabelsPath))
        {
            yield return $"labels file {LabelsPath} does not exist.";
        }

        if (Taxonomy is not null && IsInsideFolder(Taxonomy) && !System.IO.File.Exists(TaxonomyPath))
        {
            yield return $"taxonomy file {TaxonomyPath} does not exist.";
        }

        if (ConfidenceFloor is { } floor && (double.IsNaN(floor) || floor < 0 || floor > 1))
        {
            yield return $"confidenceFloor must be within [0, 1]; it is {floor}.";
        }

        if (TopK is < 1)
        {
            yield return $"topK must be ≥ 1; it is {TopK}.";
        }
    }

    private IEnumerable<string> ProvenanceProblems()
    {
        if (string.IsNullOrWhiteSpace(Provenance.Source) || string.IsNullOrWhiteSpace(Provenance.Licence))
        {
            yield return "provenance.source and provenance.licence must not be empty.";
        }

        if (Provenance.SizeBytes is <= 0)
        {
            yield return $"provenance.sizeBytes must be positive or null; it is {Provenance.SizeBytes}.";
        }

        if (Provenance.Sha256 is { } sha && (sha.Length != 64 || !sha.All(char.IsAsciiHexDigitLower)))
        {
            yield return "provenance.sha256 must be 64 lower-case hex digits, or null when not published.";
        }
    }

    private static bool IsInsideFolder(string path) =>
        !string.IsNullOrWhiteSpace(path) && !Path.IsPathRooted(path) && !path.Replace('\\', '/').Split('/').Contains("..");
}
