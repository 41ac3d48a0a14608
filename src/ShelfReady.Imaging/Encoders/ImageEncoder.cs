using NetVips;
using ShelfReady.Imaging.Color;

namespace ShelfReady.Imaging.Encoders;

/// <summary>
/// Encodes sRGB working images (3-band uchar) to JPEG, WebP, PNG and TIFF with libvips, converting to the
/// requested colour space and bit depth first and embedding the matching ICC profile.
/// </summary>
public static class ImageEncoder
{
    /// <summary>The default lowest quality the max-bytes mode may go down to.</summary>
    public const int DefaultFloorQuality = 60;

    /// <summary>Encodes an image.</summary>
    /// <param name="image">3-band uchar sRGB image, or 4-band with alpha for sRGB PNG and TIFF.</param>
    /// <param name="options">Format and its settings.</param>
    public static EncodedImage Encode(Image image, EncoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        RequireWorkingImage(image, options);
        using var prepared = Prepare(image, options);
        return Save(prepared, options);
    }

    /// <summary>
    /// Encodes a JPEG or lossy WebP no larger than a byte limit: the requested quality when it fits, otherwise
    /// the highest quality between the floor and it that fits, found by binary search (at most 7 encodes more).
    /// </summary>
    /// <param name="image">3-band uchar sRGB image.</param>
    /// <param name="options">JPEG or lossy WebP settings; their quality is the ceiling.</param>
    /// <param name="maxBytes">The limit, at least 1.</param>
    /// <param name="floorQuality">The lowest acceptable quality, 1 to the requested quality.</param>
    /// <exception cref="EncodedSizeExceededException">Even the floor quality does not fit.</exception>
    public static EncodedImage EncodeWithinBytes(
        Image image, LossyEncoderOptions options, long maxBytes, int floorQuality = DefaultFloorQuality)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        RequireWorkingImage(image, options);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(floorQuality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(floorQuality, options.Quality);
        if (options is WebpOptions { Lossless: true })
        {
            throw new ArgumentException("Lossless WebP has no quality to trade for size.", nameof(options));
        }

        // Every attempt re-encodes the same pixels: compute them once.
        using var prepared = Prepare(image, options);
        using var pixels = prepared.CopyMemory();
        return SearchQuality(pixels, options, maxBytes, floorQuality);
    }

    private static EncodedImage SearchQuality(Image pixels, LossyEncoderOptions options, long maxBytes, int floor)
    {
        var best = Save(pixels, options);
        if (best.Bytes.Length <= maxBytes)
        {
            return best;
        }

        var smallest = Save(pixels, options.WithQuality(floor));
        if (smallest.Bytes.Length > maxBytes)
        {
            throw new EncodedSizeExceededException(maxBytes, floor, smallest.Bytes.Length);
        }

        // Invariant: quality `low` fits (its file is `best`), quality `high` does not.
        best = smallest;
        var (low, high) = (floor, options.Quality);
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            var attempt = Save(pixels, options.WithQuality(middle));
            if (attempt.Bytes.Length <= maxBytes)
            {
                (low, best) = (middle, attempt);
            }
            else
            {
                high = middle;
            }
        }

        return best;
    }

    // A cut-out carries its matte as a fourth band; only PNG and TIFF keep it exactly, and the Adobe RGB
    // conversion is not defined for it here, so those are the only combinations accepted.
    private static void RequireWorkingImage(Image image, EncoderOptions options)
    {
        if (image.Format != Enums.BandFormat.Uchar || image.Bands is not (3 or 4))
        {
            throw new ArgumentException("Encoders take 3-band uchar sRGB working images, or 4-band with alpha.", nameof(image));
        }

        if (image.Bands == 4 && (options is not (PngOptions or TiffOptions) || options.Profile == EmbeddedProfile.AdobeRgb1998))
        {
            throw new ArgumentException($"An image with alpha is written as sRGB PNG or TIFF, not {options.Format} in {options.Profile}.", nameof(image));
        }
    }

    /// <summary>Converts to the output colour space and depth.</summary>
    private static Image Prepare(Image image, EncoderOptions options)
    {
        if (options.Profile == EmbeddedProfile.AdobeRgb1998)
        {
            return ColorSpaceConverter.SrgbToAdobeRgb(image, options.BitDepth);
        }

        if (options.BitDepth == 16)
        {
            // 257 maps 0–255 onto 0–65535 exactly (255 × 257 = 65535).
            using var wide = image.Cast(Enums.BandFormat.Ushort);
            using var scaled = wide.Linear([257], [0]);
            using var narrow = scaled.Cast(Enums.BandFormat.Ushort);
            return narrow.Copy(interpretation: Enums.Interpretation.Rgb16);
        }

        return image.Copy(interpretation: Enums.Interpretation.Srgb);
    }

    private static EncodedImage Save(Image image, EncoderOptions options)
    {
        var keep = options.StripMetadata ? Enums.ForeignKeep.None : Enums.ForeignKeep.All;
        var profile = ProfileFile(options.Profile);
        var bytes = options switch
        {
            JpegOptions jpeg => image.JpegsaveBuffer(
                q: jpeg.Quality,
                optimizeCoding: jpeg.OptimizeCoding,
                interlace: jpeg.Progressive,
                subsampleMode: jpeg.ChromaSubsampling ? Enums.ForeignSubsample.On : Enums.ForeignSubsample.Off,
                keep: keep,
                profile: profile),
            WebpOptions webp => image.WebpsaveBuffer(
                q: webp.Quality, lossless: webp.Lossless, effort: webp.Effort, keep: keep, profile: profile),
            PngOptions png => image.PngsaveBuffer(
                compression: png.CompressionLevel, bitdepth: png.BitDepth, keep: keep, profile: profile),
            TiffOptions tiff => image.TiffsaveBuffer(
                compression: TiffCompressionOf(tiff.Compression),
                predictor: tiff.Compression == TiffCompression.None
                    ? Enums.ForeignTiffPredictor.None
                    : Enums.ForeignTiffPredictor.Horizontal,
                resunit: Enums.ForeignTiffResunit.Inch,
                xres: tiff.Dpi / 25.4,
                yres: tiff.Dpi / 25.4,
                keep: keep,
                profile: profile),
            _ => throw new ArgumentException($"No encoder for {options.GetType().Name}.", nameof(options)),
        };
        return new EncodedImage(
            bytes, options.Format, image.Width, image.Height, options.BitDepth, options.Profile,
            (options as LossyEncoderOptions)?.Quality);
    }

    private static string? ProfileFile(EmbeddedProfile profile) => profile switch
    {
        EmbeddedProfile.Srgb => ColorSpaceConverter.SrgbProfileName,
        EmbeddedProfile.AdobeRgb1998 => AdobeRgb1998.ProfilePath,
        _ => null,
    };

    private static Enums.ForeignTiffCompression TiffCompressionOf(TiffCompression compression) => compression switch
    {
        TiffCompression.Deflate => Enums.ForeignTiffCompression.Deflate,
        TiffCompression.Lzw => Enums.ForeignTiffCompression.Lzw,
        _ => Enums.ForeignTiffCompression.None,
    };
}
