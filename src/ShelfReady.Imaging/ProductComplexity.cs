namespace ShelfReady.Imaging;

/// <summary>How hard a product is to cut out, which decides its route through the pipeline.</summary>
public enum ProductComplexity
{
    /// <summary>Solid, hard-edged, good contrast against the background.</summary>
    Simple,

    /// <summary>Fine detail or a product colour close to the background.</summary>
    Medium,

    /// <summary>Thin chains, fur, lace, glass: always seen by a person.</summary>
    Complex,
}
