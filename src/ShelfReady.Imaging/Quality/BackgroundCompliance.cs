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

        var (samples, passing) = SamplePerimeter(rgb, options);
        var perimeterPass = samples > 0 && passing >= options.RequiredShare * samples;
        if (productMask is null)
        {
            return new BackgroundComplianceResult(samples, passing, perimeterPass, null, null, perimeterPass);
        }

        var (outside, nonWhite) = CountNonWhiteOutside(rgb, productMask);
        return new BackgroundComplianceResult(
            samples, passing, perimeterPass, outside, nonWhite, perimeterPass && nonWhite <= options.MaxNonWhitePixels);
    }

    private static (int Samples, int Passing) SamplePerimeter(Image rgb, BackgroundComplianceOptions options)
    {
        var band = Math.Min(options.BorderBandWidth, Math.Min(rgb.Width, rgb.Height) / 2);
        var middle = rgb.Height - (2 * band);
        var strips = new List<(int Left, int Top, int Width, int Height)>
        {
            (0, 0, rgb.Width, band),
            (0, rgb.Height - band, rgb.Width, band),
        };
        if (middle > 0)
        {
            strips.Add((0, band, band, middle));
            strips.Add((rgb.Width - band, band, band, middle));
        }

        var (samples, passing) = (0, 0);
        foreach (var (left, top, width, height) in strips.Where(s => s.Width > 0 && s.Height > 0))
        {
            using var strip = rgb.Crop(left, top, width, height);
            var pixels = PixelBuffer.From(strip);
            for (var y = 0; y < height; y += options.SampleSpacing)
            {
                for (var x = 0; x < width; x += options.SampleSpacing)
                {
                    var p = pixels.IndexOf(x, y);
                    samples++;
                    var darkest = Math.Min(pixels.Data[p], Math.Min(pixels.Data[p + 1], pixels.Data[p + 2]));
                    passing += darkest >= options.MinimumChannel ? 1 : 0;
                }
            }
        }

        return (samples, passing);
    }

    private static (long Outside, long NonWhite) CountNonWhiteOutside(Image rgb, Image productMask)
    {
        if (productMask.Bands != 1 || productMask.Width != rgb.Width || productMask.Height != rgb.Height)
        {
            throw new ArgumentException("The mask must be 1-band and the image's size.", nameof(productMask));
        }

        var pixelCount = (long)rgb.Width * rgb.Height;
        using var outside = productMask.RelationalConst(Enums.OperationRelational.Equal, [0]);
        using var differs = rgb.RelationalConst(Enums.OperationRelational.Noteq, [255]);
        using var anyDiffers = differs.Bandbool(Enums.OperationBoolean.Or);
        using var offending = outside.Boolean(anyDiffers, Enums.OperationBoolean.And);
        return (Count(outside, pixelCount), Count(offending, pixelCount));
    }

    /// <summary>Pixels set in a 0/255 mask, from its mean; the sum stays exact in a double far past any image size.</summary>
    private static long Count(Image mask, long pixelCount) => (long)Math.Round(mask.Avg() / 255 * pixelCount);
}
