using ShelfReady.Imaging.Analysis;

namespace ShelfReady.Imaging.Synthetic;

/// <summary>Where and in what colour a product is drawn; sizes scale with the frame's short side.</summary>
internal sealed record ProductContext(SplitMix Random, float CentreX, float CentreY, float Size, RgbColor Colour, ColourContrast Contrast)
{
    /// <summary>Shading strong enough to look real but never strong enough to break the requested contrast band.</summary>
    public float Shading => Contrast switch
    {
        ColourContrast.Close => 0.012f,
        ColourContrast.Moderate => 0.03f,
        _ => 0.14f,
    };

    public float Specular => Contrast == ColourContrast.High ? 0.35f : 0f;

    public float Angle(double max) => (float)Random.Range(-max, max);

    public float Span(double min, double max) => (float)Random.Range(min, max) * Size;

    /// <summary>A second colour for labels, lids and soles: the base colour darkened or lightened.</summary>
    public RgbColor Accent(double factor) => new(
        Math.Clamp(Colour.R * factor, 0, 255), Math.Clamp(Colour.G * factor, 0, 255), Math.Clamp(Colour.B * factor, 0, 255));

    public (float X, float Y) Place(float u, float v, float angle)
    {
        var (x, y) = Geometry.Rotate(u, v, angle);
        return (CentreX + x, CentreY + y);
    }
}
