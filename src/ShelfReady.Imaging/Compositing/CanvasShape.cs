namespace ShelfReady.Imaging.Compositing;

/// <summary>The shape of the output canvas.</summary>
public enum CanvasShape
{
    /// <summary>Square, side = the output long side (Amazon, Shopify).</summary>
    Square,

    /// <summary>The source photo's aspect ratio, long side = the output long side.</summary>
    SourceAspect,
}
