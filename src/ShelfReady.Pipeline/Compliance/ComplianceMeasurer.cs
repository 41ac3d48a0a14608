using NetVips;
using ShelfReady.Inference.TextDetection;

namespace ShelfReady.Pipeline.Compliance;

/// <summary>
/// Measures a source photo and its approved matte for the content rules: text regions and where they lie
/// relative to the matte, a border, edges the product runs into, separate objects and how scene-like the
/// backdrop is. Works on a copy at most <see cref="WorkingLongSide"/> pixels long, the detector's own limit.
/// </summary>
public static class ComplianceMeasurer
{
    /// <summary>Long side of the working copy, in pixels.</summary>
    public const int WorkingLongSide = 960;

    // Matte share around a text box above which the text sits on the product: a label is surrounded by its
    // package, while letters the cut-out kept on their own leave the backdrop showing between and around them.
    // 0.4 on the calibration photos: the classical matte leaves gaps in products, and 0.75 flagged their print.
    private const double PackagingCoverage = 0.4;
    private const int WatermarkMinRegions = 3;
    private const double WatermarkMinSpan = 0.5;
    private const double CutEdgeShare = 0.08;
    private const double ObjectMinFrameShare = 0.01;
    private const double ObjectMinLargestShare = 0.1;
    private const double SceneTexture = 1.5;
    private const double SceneSpread = 60.0;
    private const double BackdropMinShare = 0.05;
    private const double MinLineAspect = 1.5;
    private const double MaxGlyphShare = 0.06;

    /// <summary>Measures <paramref name="master"/> (3-band uchar sRGB) with its <paramref name="matte"/> (1-band uchar, any size).</summary>
    /// <param name="master">The source photo's working master.</param>
    /// <param name="matte">The approved matte.</param>
    /// <param name="detector">The text detector; null when none is installed.</param>
    /// <param name="detectorNote">Why there is no detector, when <paramref name="detector"/> is null.</param>
    /// <param name="cancellationToken">Stops the detector run.</param>
    public static ComplianceEvidence Measure(Image master, Image matte, OnnxTextDetector? detector, string? detectorNote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(master);
        ArgumentNullException.ThrowIfNull(matte);
        var scale = Math.Min(1.0, WorkingLongSide / (double)Math.Max(master.Width, master.Height));
        using var small = master.Resize(scale);
        using var fitted = matte.Resize(small.Width / (double)matte.Width, vscale: small.Height / (double)matte.Height);
        using var inside = fitted.Crop(0, 0, small.Width, small.Height) > 127;
        using var grey = small.Colourspace(Enums.Interpretation.Bw);

        IReadOnlyList<TextFinding> text = [];
        if (detector is not null)
        {
            var found = detector.Detect(small, cancellationToken);
            text = [.. found.Regions.Where(region => IsTextLike(region, small)).Select(region => Place(region, inside, scale))];
        }

        var overlay = text.Where(t => t.Placement == TextPlacement.Overlay).ToList();
        var border = HasBorder(grey);
        var (texture, spread, scene) = border ? InsideBorder(grey, inside) : Backdrop(grey, inside);
        return new ComplianceEvidence(
            detector?.Card.Name,
            detector is null ? detectorNote ?? "no text detector is installed" : null,
            text,
            IsWatermark(overlay, master.Width, master.Height),
            border,
            border ? [] : CutEdges(inside),
            SeparateObjects(inside),
            Math.Round(texture, 2),
            Math.Round(spread, 2),
            scene);
    }

    // A line of text is wide for its height, or small: on the calibration photos the detector's squarish,
    // large boxes (knurled grips, chair mesh, a ring's facets) were texture, never lettering.
    private static bool IsTextLike(TextRegion region, Image frame) =>
        region.Width >= MinLineAspect * region.Height || region.Height <= MaxGlyphShare * Math.Min(frame.Width, frame.Height);

    private static TextFinding Place(TextRegion region, Image inside, double scale)
    {
        var margin = region.Height / 2;
        var left = Math.Max(0, region.X - margin);
        var top = Math.Max(0, region.Y - margin);
        var width = Math.Min(inside.Width, region.X + region.Width + margin) - left;
        var height = Math.Min(inside.Height, region.Y + region.Height + margin) - top;
        using var surround = inside.Crop(left, top, width, height);
        var coverage = surround.Avg() / 255;
        var frame = (double)inside.Width * inside.Height;
        return new TextFinding(
            (int)(region.X / scale), (int)(region.Y / scale), (int)Math.Ceiling(region.Width / scale), (int)Math.Ceiling(region.Height / scale),
            region.Score, Math.Round(region.Area / frame, 5), Math.Round(coverage, 3),
            coverage >= PackagingCoverage ? TextPlacement.Packaging : TextPlacement.Overlay);
    }

    // Repeated or spread: several overlay regions whose extent spans half the frame or more.
    private static bool IsWatermark(List<TextFinding> overlay, int width, int height)
    {
        if (overlay.Count < WatermarkMinRegions)
        {
            return false;
        }

        var spanX = overlay.Max(t => t.X + t.Width) - overlay.Min(t => t.X);
        var spanY = overlay.Max(t => t.Y + t.Height) - overlay.Min(t => t.Y);
        return spanX >= WatermarkMinSpan * width || spanY >= WatermarkMinSpan * height;
    }

    // A frame: every edge band flat and alike, and unlike the band just inside it.
    private static bool HasBorder(Image grey)
    {
        var band = Band(grey);
        var inset = Inset(grey);
        var outer = new List<(double Mean, double Deviation)>();
        foreach (var (x, y, w, h, ix, iy) in Bands(grey.Width, grey.Height, band, inset))
        {
            using var edge = grey.Crop(x, y, w, h);
            using var next = grey.Crop(ix, iy, w, h);
            var (mean, deviation) = (edge.Avg(), edge.Deviate());
            if (deviation > 8 || Math.Abs(mean - next.Avg()) < 25)
            {
                return false;
            }

            outer.Add((mean, deviation));
        }

        return outer.Max(o => o.Mean) - outer.Min(o => o.Mean) < 20;
    }

    private static int Band(Image grey) => Math.Max(2, (int)Math.Round(0.01 * Math.Min(grey.Width, grey.Height)));

    private static int Inset(Image grey) => Math.Max(3 * Band(grey), (int)Math.Round(0.06 * Math.Min(grey.Width, grey.Height)));

    // The frame itself is no backdrop: judge the picture inside it.
    private static (double Texture, double Spread, bool Scene) InsideBorder(Image grey, Image inside)
    {
        var inset = Inset(grey);
        using var innerGrey = grey.Crop(inset, inset, grey.Width - (2 * inset), grey.Height - (2 * inset));
        using var innerMatte = inside.Crop(inset, inset, grey.Width - (2 * inset), grey.Height - (2 * inset));
        return Backdrop(innerGrey, innerMatte);
    }

    // Each edge band, and where the same-sized band lies inset towards the middle (inside any plausible frame).
    private static IEnumerable<(int X, int Y, int W, int H, int InnerX, int InnerY)> Bands(int width, int height, int band, int inset)
    {
        yield return (0, 0, width, band, 0, inset);
        yield return (0, height - band, width, band, 0, height - band - inset);
        yield return (0, 0, band, height, inset, 0);
        yield return (width - band, 0, band, height, width - band - inset, 0);
    }

    private static List<string> CutEdges(Image inside)
    {
        var strip = 2;
        var edges = new List<string>();
        foreach (var (name, x, y, w, h) in new[]
        {
            ("left", 0, 0, strip, inside.Height), ("top", 0, 0, inside.Width, strip),
            ("right", inside.Width - strip, 0, strip, inside.Height), ("bottom", 0, inside.Height - strip, inside.Width, strip),
        })
        {
            using var edge = inside.Crop(x, y, w, h);
            if (edge.Avg() / 255 > CutEdgeShare)
            {
                edges.Add(name);
            }
        }

        return edges;
    }

    private static int SeparateObjects(Image inside)
    {
        var pixels = inside.WriteToMemory<byte>();
        var map = Array.ConvertAll(pixels, p => (float)p);
        var regions = ConnectedRegions.Find(map, inside.Width, inside.Height, 127);
        if (regions.Count == 0)
        {
            return 0;
        }

        var largest = regions.Max(r => r.Pixels);
        var frame = (double)inside.Width * inside.Height;
        return regions.Count(r => r.Pixels >= ObjectMinFrameShare * frame && r.Pixels >= ObjectMinLargestShare * largest);
    }

    // The backdrop well away from the product: a studio sweep is smooth (little gradient) and narrow in
    // lightness; a room, a street or a table top is textured and spread.
    private static (double Texture, double Spread, bool Scene) Backdrop(Image grey, Image inside)
    {
        using var near = inside.Gaussblur(6) > 2;
        using var far = near.Invert();
        var share = far.Avg() / 255;
        if (share < BackdropMinShare)
        {
            return (0, 0, false);
        }

        using var smooth = grey.Gaussblur(1.0).Cast(Enums.BandFormat.Float);
        using var dx = (smooth.Crop(1, 0, grey.Width - 1, grey.Height) - smooth.Crop(0, 0, grey.Width - 1, grey.Height)).Abs();
        using var dy = (smooth.Crop(0, 1, grey.Width, grey.Height - 1) - smooth.Crop(0, 0, grey.Width, grey.Height - 1)).Abs();
        using var weight = far.Cast(Enums.BandFormat.Float) / 255;
        var texture = (Masked(dx, weight.Crop(0, 0, grey.Width - 1, grey.Height)) + Masked(dy, weight.Crop(0, 0, grey.Width, grey.Height - 1))) / 2;
        var mean = Masked(smooth, weight);
        using var squared = smooth * smooth;
        var spread = Math.Sqrt(Math.Max(0, Masked(squared, weight) - (mean * mean)));
        return (texture, spread, texture > SceneTexture || spread > SceneSpread);
    }

    private static double Masked(Image values, Image weight)
    {
        using var weighted = values * weight;
        return weighted.Avg() / Math.Max(weight.Avg(), 1e-9);
    }
}
