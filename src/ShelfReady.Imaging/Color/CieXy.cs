namespace ShelfReady.Imaging.Color;

/// <summary>A CIE 1931 xy chromaticity coordinate.</summary>
/// <param name="X">The x coordinate, 0–1.</param>
/// <param name="Y">The y coordinate, 0–1 and above zero.</param>
public readonly record struct CieXy(double X, double Y)
{
    /// <summary>The tristimulus XYZ of this chromaticity at luminance Y = 1.</summary>
    internal Vector3D ToXyz()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Y, nameof(Y));
        return new Vector3D(X / Y, 1, (1 - X - Y) / Y);
    }
}
