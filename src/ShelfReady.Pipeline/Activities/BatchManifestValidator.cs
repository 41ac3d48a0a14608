using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Reads a merchant's <c>manifest.json</c> strictly. A manifest seals a batch, so one the pipeline does not
/// understand must be refused with its reason rather than read as "no images" and delivered empty: not JSON,
/// a field this version does not know (<c>{"files": […]}</c>), no images, an entry without a file, or a file name
/// that is not a plain name below the batch folder.
/// </summary>
public static class BatchManifestValidator
{
    private static readonly JsonSerializerOptions Strict = new(PipelineJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>The listed file names in order without repeats, or why the manifest is refused.</summary>
    public static (IReadOnlyList<string> Files, string? Refusal) Read(ReadOnlySpan<byte> json)
    {
        BatchManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BatchManifest>(json, Strict);
        }
        catch (JsonException ex)
        {
            return ([], $"manifest.json is not a manifest this version understands ({ex.Message}). Expected {{\"images\": [{{\"file\": \"shoe.jpg\"}}, …]}}.");
        }

        if (manifest is null || manifest.Images is null || manifest.Images.Count == 0)
        {
            return ([], "manifest.json lists no images; a batch needs at least one entry {\"file\": …} under \"images\".");
        }

        for (var i = 0; i < manifest.Images.Count; i++)
        {
            if (Problem(manifest.Images[i]?.File) is { } problem)
            {
                return ([], string.Create(CultureInfo.InvariantCulture, $"manifest.json images[{i}]: {problem}"));
            }
        }

        return (manifest.Images.Select(entry => entry.File!).Distinct(StringComparer.Ordinal).ToList(), null);
    }

    private static string? Problem(string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return "has no \"file\".";
        }

        try
        {
            _ = new BlobPath(BlobContainers.Uploads, $"merchant/batch/{file}");
            return file.Contains('/', StringComparison.Ordinal) ? $"\"{file}\" is not a file name in the batch folder." : null;
        }
        catch (ArgumentException)
        {
            return $"\"{file}\" is not a valid file name.";
        }
    }
}
