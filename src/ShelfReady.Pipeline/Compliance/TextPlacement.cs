namespace ShelfReady.Pipeline.Compliance;

/// <summary>Where a detected text region lies relative to the product's matte.</summary>
public enum TextPlacement
{
    /// <summary>Surrounded by the product: print on its box or label, which platforms allow.</summary>
    Packaging,

    /// <summary>On the backdrop, or letters the cut-out kept as if they were the product: overlay text or a watermark.</summary>
    Overlay,
}
