namespace ShelfReady.Pipeline.Routing;

/// <summary>The category names the routing table knows. Any other string is a valid, unrouted category.</summary>
public static class ProductCategories
{
    /// <summary>Rings, chains, earrings: thin structures and reflections.</summary>
    public const string Jewelry = "jewelry";

    /// <summary>Fur and fur-trimmed products: fringed edges.</summary>
    public const string Fur = "fur";

    /// <summary>Lingerie: lace and sheer fabric.</summary>
    public const string Lingerie = "lingerie";

    /// <summary>Glass and clear plastic: the background shows through.</summary>
    public const string Transparent = "transparent";

    /// <summary>Glassware: transparent, routed like <see cref="Transparent"/>.</summary>
    public const string Glassware = "glassware";

    /// <summary>Consumer electronics: hard edges, good contrast.</summary>
    public const string Electronics = "electronics";

    /// <summary>Books: rectangles.</summary>
    public const string Books = "books";

    /// <summary>Cosmetics in tubes: glossy, often pale.</summary>
    public const string CosmeticsTube = "cosmetics_tube";

    /// <summary>No category could be determined.</summary>
    public const string Unknown = "unknown";
}
