using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Pipeline.Jobs;

/// <summary>
/// Which workflow an upload starts, the same for every trigger (the host's watcher, the Functions blob trigger):
/// uploads live at <c>{merchant}/{batch}/{file}</c>; anything shallower, and JSON sidecars, start nothing.
/// </summary>
public static class UploadRules
{
    /// <summary>The file name that seals a batch.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>Classifies a blob in the uploads container.</summary>
    public static UploadKind Classify(BlobPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var depth = path.Name.Count(c => c == '/');
        if (depth < 2)
        {
            return UploadKind.Ignored;
        }

        if (depth == 2 && path.FileName == ManifestFileName)
        {
            return UploadKind.Manifest;
        }

        return path.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? UploadKind.Ignored : UploadKind.Image;
    }
}
