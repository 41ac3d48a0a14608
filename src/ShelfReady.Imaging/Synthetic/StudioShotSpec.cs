namespace ShelfReady.Imaging.Synthetic;

/// <summary>What one synthetic studio shot should look like. The same spec always renders the same pixels.</summary>
public sealed record StudioShotSpec
{
    /// <summary>Frame width in pixels, 64–8000. Default 1000.</summary>
    public int Width { get; init; } = 1000;

    /// <summary>Frame height in pixels, 64–8000. Default 800.</summary>
    public int Height { get; init; } = 800;

    /// <summary>Seed of every random choice in the shot.</summary>
    public int Seed { get; init; }

    /// <summary>Complexity to draw a category (and colour contrast) for; ignored when <see cref="Category"/> is set. Default simple.</summary>
    public ProductComplexity Complexity { get; init; } = ProductComplexity.Simple;

    /// <summary>
    /// Category to draw (electronics, books, home, toys, cosmetics_tube, footwear, apparel, jewelry, fur,
    /// glassware); null draws one of <see cref="Complexity"/>'s categories.
    /// </summary>
    public string? Category { get; init; }

    /// <summary>Backdrop; null draws one at random.</summary>
    public BackgroundKind? Background { get; init; }

    /// <summary>Sensor noise σ in 8-bit levels per channel, 0–20. Default 2.</summary>
    public double NoiseSigma { get; init; } = 2;

    /// <summary>JPEG quality (1–100) of a compression round trip applied to the photo; null for none.</summary>
    public int? JpegQuality { get; init; }

    /// <summary>Draw a soft contact shadow under the product (background in the ground truth). Default true.</summary>
    public bool ContactShadow { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentException"/> for the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 64, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Width, 8000, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfLessThan(Height, 64, nameof(Height));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Height, 8000, nameof(Height));
        if (double.IsNaN(NoiseSigma) || NoiseSigma < 0 || NoiseSigma > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(NoiseSigma), NoiseSigma, "NoiseSigma must be within [0, 20].");
        }

        if (JpegQuality is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(JpegQuality), JpegQuality, "JpegQuality must be within [1, 100].");
        }

        if (Category is not null && !ProductCatalog.Names.Contains(Category))
        {
            throw new ArgumentException($"Unknown category '{Category}'. Known: {string.Join(", ", ProductCatalog.Names)}.", nameof(Category));
        }
    }
}
