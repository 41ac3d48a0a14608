namespace ShelfReady.Imaging;

/// <summary>How hard a product is to cut out, which decides the segmentation strategy and whether a human reviews it.</summary>
public enum ProductComplexity
{
    /// <summary>Solid, hard-edged product with good contrast against the background.</summary>
    Simple,

    /// <summary>Fine detail on the outline or a moderate colour match with the background.</summary>
    Medium,

    /// <summary>Thin chains, fur, fringes or transparent material.</summary>
    Complex,
}
