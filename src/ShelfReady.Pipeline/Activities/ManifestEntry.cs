namespace ShelfReady.Pipeline.Activities;

/// <summary>What a merchant may say about one image, in a sidecar <c>{file}.json</c> or a batch manifest.</summary>
public sealed record ManifestEntry
{
    /// <summary>File name below the batch folder (manifests only).</summary>
    public string? File { get; init; }

    /// <summary>Product category, e.g. "jewelry".</summary>
    public string? Category { get; init; }

    /// <summary>Amazon Standard Identification Number.</summary>
    public string? Asin { get; init; }

    /// <summary>The merchant's SKU.</summary>
    public string? Sku { get; init; }

    /// <summary>Variant, e.g. "MAIN" or "PT01".</summary>
    public string? Variant { get; init; }

    /// <summary>Image index among the product's images.</summary>
    public int? Index { get; init; }
}
