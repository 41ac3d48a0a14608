using NetVips;
using ShelfReady.Imaging.Pixels;

namespace ShelfReady.Imaging.Quality;

/// <summary>
/// Checks that a marketplace image stands on white: samples along the border band (every channel at least 250
/// on 95% of them, which tolerates JPEG noise) and, given the product mask, counts every pixel outside the
/// product that is not exactly 255,255,255 (the strict check for pure-white targets).
/// </summary>
public static class BackgroundCompliance
{
    /// <summary>Measures compliance.</summary>
    /// <param name="rgb">3-band uchar sRGB image.</param>
    /// <param name="productMask">Optional 1-band matte aligned with the image; 0 = outside the product.</param>
    /// <param name="options">Settings; null means defaults.</param>
    public static BackgroundComplianceResult Measure(
        Image rgb, Image? productMask = null, BackgroundComplianceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        options ??= new BackgroundComplianceOptions();
        options.Validate();
        if (rgb.Bands != 3 || rgb.Format != Enums.BandFormat.Uchar)
        {
            throw new ArgumentException("The image must be 3-band uchar sRGB.", nameof(rgb));
        }

        if (productMask is not null)
        {
            RequireMask(productMask.Bands, productMask.Width, productMask.Height, rgb.Width, rgb.Height, nameof(productMask));
            return Measure(PixelBuffer.From(rgb), PixelBuffer.From(productMask), options);
        }

        // Without a mask only the border band is looked at, so only it is read.
        var (samples, passing) = (0, 0);
        foreach (var strip in Strips(rgb.Width, rgb.Height, options))
        {
            using var region = rgb.Crop(strip.Left, strip.Top, strip.Width, strip.Height);
            var (stripSamples, stripPassing) = SampleStrip(PixelBuffer.From(region), strip with { Left = 0, Top = 0 }, options);
            (samples, passing) = (samples + stripSamples, passing + stripPassing);
        }

        return Judge(samples, passing, null, options);
    }

    /// <summary>Measures compliance on pixels already in memory, for callers that read the image once for several measurements.</summary>
    /// <param name="rgb">3-band sRGB samples.</param>
    /// <param name="productMask">Optional 1-band matte of the same size; 0 = outside the product.</param>
    /// <param name="options">Settings; null means defaults.</param>
    public static BackgroundComplianceResult Measure(
        PixelBuffer rgb, PixelBuffer? productMask = null, BackgroundComplianceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        options ??= new BackgroundComplianceOptions();
        options.Validate();
        if (rgb.Bands != 3)
        {
            throw new ArgumentException("The image must be 3-band sRGB.", nameof(rgb));
        }

        var (samples, passing) = (0, 0);
        foreach (var strip in Strips(rgb.Width, rgb.Height, options))
        {
            var (stripSamples, stripPassing) = SampleStrip(rgb, strip, options);
            (samples, passing) = (samples + stripSamples, passing + stripPassing);
        }

        if (productMask is null)
        {
            return Judge(samples, passing, null, options);
        }

        RequireMask(productMask.Bands, productMask.Width, productMask.Height, rgb.Width, rgb.Height, nameof(productMask));
        return Judge(samples, passing, CountNonWhiteOutside(rgb, productMask), options);
    }

    private static BackgroundComplianceResult Judge(
        int samples, int passing, (long Outside, long NonWhite)? strict, BackgroundComplianceOptions options)
    {
        var perimeterPass = samples > 0 && passing >= options.RequiredShare * samples;
        return strict is var (outside, nonWhite)
            ? new BackgroundComplianceResult(samples, passing, perimeterPass, outside, nonWhite, perimeterPass && nonWhite <= options.MaxNonWhitePixels)
            : new BackgroundComplianceResult(samples, passing, perimeterPass, null, null, perimeterPass);
    }

    private static void RequireMask(int bands, int width, int height, int imageWidth, int imageHeight, string parameter)
    {
        if (bands != 1 || width != imageWidth || height != imageHeight)
        {
            throw new ArgumentException("The mask must be 1-band and the image's size.", parameter);
        }
    }

    /// <summary>The border band as up to four non-overlapping strips: top, bottom, then the left and right between them.</summary>
    private static List<Strip> Strips(int imageWidth, int imageHeight, BackgroundComplianceOptions options)
    {
        var band = Math.Min(options.BorderBandWidth, Math.Min(imageWidth, imageHeight) / 2);
        var middle = imageHeight - (2 * band);
        var strips = new List<Strip> { new(0, 0, imageWidth, band), new(0, imageHeight - band, imageWidth, band) };
        if (middle > 0)
        {
            strips.Add(new(0, band, band, middle));
            strips.Add(new(imageWidth - band, band, band, middle));
        }

        return strips.FindAll(s => s.Width > 0 && s.Height > 0);
    }

    /// <summary>Samples a strip of the pixels every <see cref="BackgroundComplianceOptions.SampleSpacing"/> pixels from its corner.</summary>
    private static (int Samples, int Passing) SampleStrip(PixelBuffer pixels, Strip strip, BackgroundComplianceOptions options)
    {
        var (samples, passing) = (0, 0);
        for (var y = 0; y < strip.Height; y += options.SampleSpacing)
        {
            for (var x = 0; x < strip.Width; x += options.SampleSpacing)
            {
                var p = pixels.IndexOf(strip.Left + x, strip.Top + y);
                samples++;
                var darkest = Math.Min(pixels.Data[p], Math.Min(pixels.Data[p + 1], pixels.Data[p + 2]));
                passing += darkest >= options.MinimumChannel ? 1 : 0;
            }
        }

        return (samples, passing);
    }

    /// <summary>Pixels outside the product, and those of them not exactly white, found run by run of the mask.</summary>
    private static (long Outside, long NonWhite) CountNonWhiteOutside(PixelBuffer rgb, PixelBuffer productMask)
    {
        var (outside, nonWhite) = (0L, 0L);
        var width = rgb.Width;
        for (var y = 0; y < rgb.Height; y++)
        {
            var maskRow = productMask.Data.AsSpan(y * width, width);
            var rgbRow = rgb.Data.AsSpan(y * width * 3, width * 3);
            var x = 0;
            while (x < width)
            {
                var found = maskRow[x..].IndexOf((byte)0);
                if (found < 0)
                {
                    break;
                }

                var start = x + found;
                var length = maskRow[start..].IndexOfAnyExcept((byte)0);
                var end = length < 0 ? width : start + length;
                outside += end - start;
                nonWhite += CountNonWhite(rgbRow[(start * 3)..(end * 3)]);
                x = end;
            }
        }

        return (outside, nonWhite);
    }

    /// <summary>Pixels of an interleaved RGB run with a channel under 255; the vectorised search skips white stretches.</summary>
    private static long CountNonWhite(ReadOnlySpan<byte> run)
    {
        var count = 0L;
        var offset = run.IndexOfAnyExcept((byte)255);
        while (offset >= 0)
        {
            count++;
            var next = ((offset / 3) + 1) * 3;
            var found = run[next..].IndexOfAnyExcept((byte)255);
            offset = found < 0 ? -1 : next + found;
        }

        return count;
    }

    private readonly record struct Strip(int Left, int Top, int Width, int Height);
}
