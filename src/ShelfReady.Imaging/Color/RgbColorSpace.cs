namespace ShelfReady.Imaging.Color;

/// <summary>
/// An additive RGB colour space defined by its primaries, white point and a pure-gamma transfer curve:
/// everything a matrix/TRC ICC profile needs.
/// </summary>
/// <param name="Name">Human-readable name, used as the profile description.</param>
/// <param name="Red">Red primary chromaticity.</param>
/// <param name="Green">Green primary chromaticity.</param>
/// <param name="Blue">Blue primary chromaticity.</param>
/// <param name="White">Reference white chromaticity.</param>
/// <param name="Gamma">Exponent of the decoding curve (encoded value to linear light), above zero.</param>
public sealed record RgbColorSpace(string Name, CieXy Red, CieXy Green, CieXy Blue, CieXy White, double Gamma)
{
    /// <summary>The ICC profile connection space illuminant, D50 (ICC.1:2022 7.2.16).</summary>
    internal static Vector3D PcsWhite { get; } = new(0.9642, 1.0, 0.8249);

    /// <summary>RGB (linear) to XYZ under this space's own white, with Y of white = 1.</summary>
    internal Matrix3 RgbToXyz()
    {
        var primaries = Matrix3.FromColumns(Red.ToXyz(), Green.ToXyz(), Blue.ToXyz());
        var scale = primaries.Inverse() * White.ToXyz();
        return primaries * Matrix3.Diagonal(scale);
    }

    /// <summary>The chromatic adaptation from this space's white to the D50 PCS white (Bradford).</summary>
    internal Matrix3 AdaptationToPcs() => Matrix3.BradfordAdaptation(White.ToXyz(), PcsWhite);

    /// <summary>RGB (linear) to PCS XYZ (D50): its columns are the profile's rXYZ, gXYZ, bXYZ colorants.</summary>
    internal Matrix3 RgbToPcsXyz() => AdaptationToPcs() * RgbToXyz();
}
