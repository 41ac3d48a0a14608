using ShelfReady.Imaging.Analysis;

namespace ShelfReady.Imaging.Synthetic;

/// <summary>Surface looks: lighting falloff, cylinder shading, fabric, metal, fur. Amplitudes are fractions of the base colour.</summary>
internal static class Shaders
{
    public static Shader Flat(RgbColor colour) => (_, _) => ((float)colour.R, (float)colour.G, (float)colour.B);

    /// <summary>Key light from the upper left: a linear brightness ramp over the product's size.</summary>
    public static Shader Lit(RgbColor colour, float cx, float cy, float size, float amplitude) => (x, y) =>
    {
        var f = 1 + (amplitude * ((cx - x) + (cy - y)) / size);
        return Scale(colour, f);
    };

    /// <summary>Darker towards the silhouette of a cylinder with a soft specular stripe.</summary>
    public static Shader Cylinder(RgbColor colour, float cx, float cy, float halfWidth, float angle, float amplitude, float specular) => (x, y) =>
    {
        var (u, _) = Geometry.Rotate(x - cx, y - cy, -angle);
        var t = Math.Clamp(u / halfWidth, -1f, 1f);
        var highlight = specular * MathF.Exp(-MathF.Pow((t + 0.35f) / 0.15f, 2));
        var f = 1 - (amplitude * t * t);
        var (r, g, b) = Scale(colour, f);
        return (Mix(r, highlight), Mix(g, highlight), Mix(b, highlight));
    };

    /// <summary>Woven fabric: a fine two-way ripple plus per-pixel fibre noise.</summary>
    public static Shader Fabric(RgbColor colour, float pitch, uint seed, float amplitude) => (x, y) =>
    {
        var weave = MathF.Sin(x * MathF.PI / pitch) * MathF.Sin(y * MathF.PI / pitch);
        var f = 1 + (amplitude * ((0.6f * weave) + (0.4f * Hash(x, y, seed))));
        return Scale(colour, f);
    };

    /// <summary>Polished metal: strong glints that change from link to link.</summary>
    public static Shader Metal(RgbColor colour, uint seed) => (x, y) =>
    {
        var glint = Hash(MathF.Floor(x / 3), MathF.Floor(y / 3), seed);
        return Scale(colour, 0.85f + (0.3f * glint));
    };

    /// <summary>A constant colour scaled by a per-strand brightness (hairs, tassels).</summary>
    public static Shader Tinted(RgbColor colour, float factor) => (_, _) => Scale(colour, factor);

    /// <summary>Deterministic hash of a position to [-1, 1].</summary>
    public static float Hash(float x, float y, uint seed)
    {
        unchecked
        {
            var h = ((uint)(int)x * 0x8DA6B343u) ^ ((uint)(int)y * 0xD8163841u) ^ (seed * 0xCB1AB31Fu);
            h ^= h >> 13;
            h *= 0x5BD1E995u;
            h ^= h >> 15;
            return ((h & 0xFFFF) / 32767.5f) - 1;
        }
    }

    private static (float R, float G, float B) Scale(RgbColor colour, float f) =>
        (Clamp((float)colour.R * f), Clamp((float)colour.G * f), Clamp((float)colour.B * f));

    private static float Mix(float value, float highlight) => value + ((255 - value) * highlight);

    private static float Clamp(float value) => Math.Clamp(value, 0f, 255f);
}
