using NetVips;
using ShelfReady.Imaging.Pixels;

namespace ShelfReady.Pipeline.Tests.Support;

/// <summary>
/// A photo and a matte as plain pixels, with the defects QC must catch put in by hand: each method returns a new
/// shot and leaves this one as it was.
/// </summary>
internal sealed class Shot
{
    private Shot(PixelBuffer rgb, byte[] mask)
    {
        Rgb = rgb;
        Mask = mask;
    }

    public PixelBuffer Rgb { get; }

    public byte[] Mask { get; }

    private int Width => Rgb.Width;

    private int Height => Rgb.Height;

    /// <summary>Ground truth for a photo on exactly #FFFFFF: every pixel with a channel under 248 is product; specks dropped.</summary>
    public static Shot FromPureWhite(Image rgb)
    {
        var pixels = PixelBuffer.From(rgb);
        var mask = new byte[pixels.PixelCount];
        for (var i = 0; i < mask.Length; i++)
        {
            var p = i * 3;
            mask[i] = Math.Min(pixels.Data[p], Math.Min(pixels.Data[p + 1], pixels.Data[p + 2])) < 248 ? (byte)255 : (byte)0;
        }

        var shot = new Shot(pixels, mask);
        shot.Open();
        return shot;
    }

    /// <summary>A disc of a third of the product's radius erased from the matte at its top: a part cut away.</summary>
    public Shot EraseTop()
    {
        var (x, y) = Topmost();
        return WithMask(m => Disc(m, x, y, 0.35 * Radius, 0));
    }

    /// <summary>A square notch bitten into the product's left side, the blocky bite bright metal suffers.</summary>
    public Shot BiteLeft()
    {
        var (x, y) = Leftmost();
        var half = (int)(0.1 * Radius);
        return WithMask(m => Box(m, x, y - half, x + (2 * half), y + half, 0));
    }

    /// <summary>A hole punched where the product is thickest among pixels unlike the backdrop: a hole only the matte has.</summary>
    public Shot PunchHole()
    {
        var (x, y) = Deepest();
        return WithMask(m => Disc(m, x, y, 0.12 * Radius, 0));
    }

    /// <summary>A soft neutral shadow painted into the photo beside the product and kept by the matte.</summary>
    public Shot AddShadowFragment()
    {
        var (left, top, right, bottom) = Bounds();
        var (rx, ry) = (0.45 * Radius, 0.12 * Radius);
        var spaceBelow = Height - bottom;
        var (cx, cy) = spaceBelow > 4 * ry
            ? ((left + right) / 2.0, bottom + (2.2 * ry))
            : (Math.Min(Width - rx - 2, right + rx + 10), (top + bottom) / 2.0);
        var rgb = (byte[])Rgb.Data.Clone();
        var mask = (byte[])Mask.Clone();
        for (var y = (int)(cy - ry); y <= (int)(cy + ry); y++)
        {
            for (var x = (int)(cx - rx); x <= (int)(cx + rx); x++)
            {
                var r = Math.Pow((x - cx) / rx, 2) + Math.Pow((y - cy) / ry, 2);
                if (x < 0 || y < 0 || x >= Width || y >= Height || r > 1 || mask[(y * Width) + x] != 0)
                {
                    continue;
                }

                var i = (y * Width) + x;
                var darken = 1 - (0.3 * (1 - r));
                for (var c = 0; c < 3; c++)
                {
                    rgb[(i * 3) + c] = (byte)(rgb[(i * 3) + c] * darken);
                }

                mask[i] = 255;
            }
        }

        return new Shot(PixelBuffer.Wrap(rgb, Width, Height, 3), mask);
    }

    /// <summary>The product moved onto a light-grey sweep, and the matte grown by 6 px: a ring of backdrop kept.</summary>
    public Shot Halo()
    {
        var rgb = (byte[])Rgb.Data.Clone();
        for (var y = 0; y < Height; y++)
        {
            var grey = (byte)(196 + (20 * y / Height));
            for (var x = 0; x < Width; x++)
            {
                var i = (y * Width) + x;
                if (Mask[i] == 0)
                {
                    rgb[i * 3] = rgb[(i * 3) + 1] = rgb[(i * 3) + 2] = grey;
                }
            }
        }

        return new Shot(PixelBuffer.Wrap(rgb, Width, Height, 3), Dilate(Mask, 6));
    }

    /// <summary>The matte as a 1-band image, edges softened by a half-pixel blur as a segmenter's are.</summary>
    public Image MaskImage()
    {
        using var hard = PixelBuffer.Wrap(Mask, Width, Height, 1).ToImage(Enums.Interpretation.Bw);
        using var soft = hard.Gaussblur(0.6);
        return soft.Cast(Enums.BandFormat.Uchar);
    }

    private double Radius => Math.Sqrt(Mask.Count(m => m != 0) / Math.PI);

    private Shot WithMask(Action<byte[]> change)
    {
        var mask = (byte[])Mask.Clone();
        change(mask);
        return new Shot(Rgb, mask);
    }

    // Defects go where the photo shows product unlike the white backdrop: where the product itself is white, no
    // comparison with the photo can tell what the matte lost (white on white is routed to people for that reason).
    private (int X, int Y) Topmost()
    {
        var i = Enumerable.Range(0, Mask.Length).First(i => Mask[i] != 0 && Darkest(i) < 200);
        return (i % Width, i / Width);
    }

    private (int X, int Y) Leftmost()
    {
        var i = Enumerable.Range(0, Mask.Length).Where(i => Mask[i] != 0 && Darkest(i) < 200).MinBy(i => i % Width);
        return (i % Width, i / Width);
    }

    private (int X, int Y) Deepest()
    {
        var distance = new int[Mask.Length];
        for (var i = 0; i < distance.Length; i++)
        {
            distance[i] = Mask[i] != 0 ? int.MaxValue / 2 : 0;
        }

        Chamfer(distance, forward: true);
        Chamfer(distance, forward: false);
        var best = Enumerable.Range(0, distance.Length).Where(i => Darkest(i) < 200).MaxBy(i => distance[i]);
        return (best % Width, best / Width);
    }

    private void Chamfer(int[] d, bool forward)
    {
        var step = forward ? 1 : -1;
        for (var y = forward ? 0 : Height - 1; y >= 0 && y < Height; y += step)
        {
            for (var x = forward ? 0 : Width - 1; x >= 0 && x < Width; x += step)
            {
                var i = (y * Width) + x;
                var px = x - step;
                var py = y - step;
                if (px >= 0 && px < Width)
                {
                    d[i] = Math.Min(d[i], d[(y * Width) + px] + 1);
                }

                if (py >= 0 && py < Height)
                {
                    d[i] = Math.Min(d[i], d[(py * Width) + x] + 1);
                }
            }
        }
    }

    private byte Darkest(int i) => Math.Min(Rgb.Data[i * 3], Math.Min(Rgb.Data[(i * 3) + 1], Rgb.Data[(i * 3) + 2]));

    private (int Left, int Top, int Right, int Bottom) Bounds()
    {
        var (left, top, right, bottom) = (Width, Height, 0, 0);
        for (var i = 0; i < Mask.Length; i++)
        {
            if (Mask[i] != 0)
            {
                var (x, y) = (i % Width, i / Width);
                (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
            }
        }

        return (left, top, right, bottom);
    }

    private void Disc(byte[] mask, int cx, int cy, double radius, byte value)
    {
        var r = (int)Math.Ceiling(radius);
        for (var y = Math.Max(0, cy - r); y <= Math.Min(Height - 1, cy + r); y++)
        {
            for (var x = Math.Max(0, cx - r); x <= Math.Min(Width - 1, cx + r); x++)
            {
                if (((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= radius * radius)
                {
                    mask[(y * Width) + x] = value;
                }
            }
        }
    }

    private void Box(byte[] mask, int left, int top, int right, int bottom, byte value)
    {
        for (var y = Math.Max(0, top); y <= Math.Min(Height - 1, bottom); y++)
        {
            for (var x = Math.Max(0, left); x <= Math.Min(Width - 1, right); x++)
            {
                mask[(y * Width) + x] = value;
            }
        }
    }

    private byte[] Dilate(byte[] mask, int radius)
    {
        using var image = PixelBuffer.Wrap(mask, Width, Height, 1).ToImage(Enums.Interpretation.Bw);
        using var grown = image.Rank((2 * radius) + 1, (2 * radius) + 1, ((2 * radius) + 1) * ((2 * radius) + 1) - 1);
        return PixelBuffer.From(grown).Data;
    }

    /// <summary>Opens the mask by 3×3: drops JPEG specks and the one-pixel ringing around edges.</summary>
    private void Open()
    {
        using var image = PixelBuffer.Wrap(Mask, Width, Height, 1).ToImage(Enums.Interpretation.Bw);
        using var eroded = image.Rank(3, 3, 0);
        using var opened = eroded.Rank(3, 3, 8);
        var data = PixelBuffer.From(opened).Data;
        Array.Copy(data, Mask, Mask.Length);
    }
}
