namespace ShelfReady.Pipeline.Activities;

/// <summary>A batch's <c>manifest.json</c>: the images that make the batch complete.</summary>
public sealed record BatchManifest
{
    /// <summary>The listed images.</summary>
    public IReadOnlyList<ManifestEntry> Images { get; init; } = [];
}
