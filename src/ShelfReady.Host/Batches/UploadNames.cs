using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Host.Batches;

/// <summary>
/// Which files in a batch folder are the user's uploads. Everything is, whatever its extension or none,
/// except hidden files (a name or folder starting with '.'), the batch's <c>manifest.json</c> and sidecars
/// <c>{file}.json</c>. Each upload is then processed or quarantined with its reason; nothing is skipped by name.
/// </summary>
public static class UploadNames
{
    private const string Manifest = "manifest.json";
    private const string SidecarSuffix = ".json";

    /// <summary>Whether the path or a folder on it is hidden (<c>.DS_Store</c>, <c>._IMG_1.jpg</c>, <c>.thumbs/</c>).</summary>
    public static bool IsHidden(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Split('/').Any(segment => segment.StartsWith('.'));
    }

    /// <summary>
    /// Whether <paramref name="name"/> (a path below the container or a bare file name) is an upload to process.
    /// A <c>.json</c> file is a sidecar when what it describes has an extension of its own (<c>shoe.jpg.json</c>)
    /// or sits beside it (<c>IMG_1.json</c> next to <c>IMG_1</c>); any other JSON file is an upload, which ingest
    /// refuses with its reason.
    /// </summary>
    public static bool IsUpload(string name, IReadOnlySet<string> present)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(present);
        var file = name[(name.LastIndexOf('/') + 1)..];
        if (IsHidden(name) || file.Equals(Manifest, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!file.EndsWith(SidecarSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var described = name[..^SidecarSuffix.Length];
        return Path.GetExtension(described).Length == 0 && !present.Contains(described);
    }

    /// <summary>The uploads in a listing, in its order.</summary>
    public static IReadOnlyList<StoredBlob> Uploads(IReadOnlyList<StoredBlob> listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var present = listing.Select(blob => blob.Path.Name).ToHashSet(StringComparer.Ordinal);
        return listing.Where(blob => IsUpload(blob.Path.Name, present)).ToList();
    }
}
