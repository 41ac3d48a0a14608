namespace ShelfReady.Pipeline.Quality;

/// <summary>The four 25-point parts of the QC score, as named in <see cref="QcFinding.Part"/>.</summary>
public static class QcParts
{
    /// <summary>Background compliance.</summary>
    public const string Background = "background";

    /// <summary>Edge quality and matte integrity.</summary>
    public const string Edge = "edge";

    /// <summary>Product fill and framing.</summary>
    public const string Fill = "fill";

    /// <summary>Colour accuracy.</summary>
    public const string Color = "color";
}
