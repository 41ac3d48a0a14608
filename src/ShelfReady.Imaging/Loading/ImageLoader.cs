using NetVips;
using ShelfReady.Imaging.Color;
using ShelfReady.Imaging.Metadata;

namespace ShelfReady.Imaging.Loading;

/// <summary>
/// Turns untrusted file bytes into a <see cref="LoadedImage"/>: sniff, check caps from the header, decode
/// with fail-on-error, apply orientation, split alpha, convert to 8-bit sRGB. Every refusal is an
/// <see cref="ImageLoadException"/> with a sentence a person can act on.
/// </summary>
public sealed class ImageLoader
{
    private readonly ImageLoadOptions options;

    /// <summary>Creates a loader with the given caps.</summary>
    public ImageLoader(ImageLoadOptions? options = null)
    {
        this.options = options ?? ImageLoadOptions.Default;
        this.options.Validate();
        VipsRuntime.EnsureConfigured();
    }

    /// <summary>Gets the caps this loader enforces.</summary>
    public ImageLoadOptions Options => options;

    /// <summary>Loads and normalises one file.</summary>
    /// <exception cref="ImageLoadException">The file is refused; <see cref="ImageLoadException.Error"/> says why.</exception>
    public LoadedImage Load(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var sniff = CheckBytes(file);
        if (HeaderDimensions.Read(file, sniff.Format) is var (claimedWidth, claimedHeight))
        {
            CheckPixelCount(claimedWidth, claimedHeight);
        }

        using var header = OpenHeader(file, sniff);
        var source = Describe(header, sniff.Format, file.Length);
        CheckDimensions(source);

        var notes = new List<string>();
        if (source.FrameCount > 1)
        {
            notes.Add($"Animated {sniff.Detail} with {source.FrameCount} frames: the first frame was used.");
        }

        var metadata = MetadataReader.Read(file) with { IccProfileDescription = EmbeddedProfileName(header) };
        var (rgb, alpha) = Decode(header, source, notes);
        return new LoadedImage(rgb, alpha, source, metadata, notes);
    }

    private SniffResult CheckBytes(byte[] file)
    {
        if (file.Length == 0)
        {
            throw new ImageLoadException(ImageLoadError.Empty, "The file is empty (0 bytes).");
        }

        if (file.Length > options.MaxBytes)
        {
            throw new ImageLoadException(
                ImageLoadError.TooLarge,
                $"The file is {Megabytes(file.Length)}, over the {Megabytes(options.MaxBytes)} limit.");
        }

        var sniff = FormatSniffer.Detect(file);
        return sniff.Format switch
        {
            ImageFormat.Unknown => throw new ImageLoadException(
                ImageLoadError.UnsupportedFormat,
                $"The file is not a supported image (it looks like {sniff.Detail}). Supported: JPEG, PNG, TIFF, WebP, AVIF, GIF."),
            ImageFormat.CameraRaw => throw new ImageLoadException(
                ImageLoadError.CameraRawUnsupported,
                $"The file is a camera RAW ({sniff.Detail}). ShelfReady does not develop RAW files: export a 16-bit TIFF or a JPEG from your RAW editor and upload that."),
            _ => sniff,
        };
    }

    private static Image OpenHeader(byte[] file, SniffResult sniff)
    {
        try
        {
            // Each format goes to its own loader: a file that says PNG is never handed to another decoder.
            return sniff.Format switch
            {
                ImageFormat.Jpeg => Image.JpegloadBuffer(file, autorotate: false, access: Enums.Access.Random, failOn: Enums.FailOn.Error),
                ImageFormat.Png => Image.PngloadBuffer(file, access: Enums.Access.Random, failOn: Enums.FailOn.Error),
                ImageFormat.Tiff => Image.TiffloadBuffer(file, access: Enums.Access.Random, failOn: Enums.FailOn.Error),
                ImageFormat.WebP => Image.WebploadBuffer(file, access: Enums.Access.Random, failOn: Enums.FailOn.Error),
                ImageFormat.Gif => Image.GifloadBuffer(file, access: Enums.Access.Random, failOn: Enums.FailOn.Error),
                ImageFormat.Avif or ImageFormat.Heic => Image.HeifloadBuffer(file, access: Enums.Access.Random, failOn: Enums.FailOn.Error),
                _ => throw new InvalidOperationException($"No loader for {sniff.Format}."),
            };
        }
        catch (VipsException ex) when (sniff.Format == ImageFormat.Heic)
        {
            throw new ImageLoadException(
                ImageLoadError.UnsupportedFormat,
                "The file is HEIC (HEVC-coded HEIF), which this build cannot decode. Export it as JPEG, or as AVIF, and upload that.",
                ex);
        }
        catch (VipsException ex)
        {
            throw Corrupt(sniff.Detail, ex);
        }
    }

    private static SourceDescription Describe(Image header, ImageFormat format, long byteLength)
    {
        var frames = header.Contains("n-pages") ? Math.Max(1, (int)header.Get("n-pages")) : 1;
        var orientation = header.Contains("orientation") ? Math.Clamp((int)header.Get("orientation"), 1, 8) : 1;
        return new SourceDescription(
            format,
            header.Width,
            header.Height,
            BitsPerSample(header.Format),
            ColorSpaceName(header),
            header.HasAlpha(),
            frames,
            orientation,
            byteLength);
    }

    private void CheckDimensions(SourceDescription source)
    {
        CheckPixelCount(source.Width, source.Height);
        var longSide = Math.Max(source.Width, source.Height);
        if (longSide < options.MinLongSide)
        {
            throw new ImageLoadException(
                ImageLoadError.TooSmall,
                $"The image is {source.Width}×{source.Height}; marketplaces need at least {options.MinLongSide} px on the long side.");
        }
    }

    private void CheckPixelCount(long width, long height)
    {
        var pixels = width * height;
        if (pixels > options.MaxPixels)
        {
            throw new ImageLoadException(
                ImageLoadError.TooLarge,
                $"The image is {width}×{height} ({pixels / 1e6:0.#} MP), over the {options.MaxPixels / 1e6:0.#} MP limit.");
        }
    }

    private static (Image Rgb, Image? Alpha) Decode(Image header, SourceDescription source, List<string> notes)
    {
        try
        {
            using var upright = header.Autorot();
            var (color, alpha) = SplitAlpha(upright);
            using (color)
            {
                using var srgb = ToSrgb(color, notes);
                var rgb = srgb.CopyMemory();
                return (rgb, alpha is null ? null : KeepIfTransparent(alpha, notes));
            }
        }
        catch (VipsException ex)
        {
            throw Corrupt(source.Format.ToString().ToUpperInvariant(), ex);
        }
    }

    private static string? EmbeddedProfileName(Image header) =>
        header.Contains("icc-profile-data") && IccProfileInfo.TryParse((byte[])header.Get("icc-profile-data")) is { Description.Length: > 0 } profile
            ? profile.Description
            : null;

    private static (Image Color, Image? Alpha) SplitAlpha(Image image)
    {
        if (!image.HasAlpha())
        {
            return (image.Copy(), null);
        }

        var colorBands = image.Bands - 1;
        using var rawAlpha = image.ExtractBand(colorBands);
        var alpha = rawAlpha.Format == Enums.BandFormat.Uchar ? rawAlpha.Copy() : ScaleToByte(rawAlpha, image.Interpretation);
        return (image.ExtractBand(0, colorBands), alpha);
    }

    private static Image ScaleToByte(Image band, Enums.Interpretation interpretation)
    {
        var max = interpretation is Enums.Interpretation.Rgb16 or Enums.Interpretation.Grey16 ? 65535.0 : 1.0;
        using var scaled = band * (255.0 / max);
        return scaled.Cast(Enums.BandFormat.Uchar);
    }

    private static Image ToSrgb(Image color, List<string> notes)
    {
        if (color.Contains("icc-profile-data"))
        {
            try
            {
                // Relative colorimetric keeps in-gamut product colours exact, which colour accuracy scoring needs.
                using var transformed = color.IccTransform("srgb", embedded: true, intent: Enums.Intent.Relative, depth: 8);
                return ToThreeBands(transformed);
            }
            catch (VipsException)
            {
                notes.Add("The embedded colour profile could not be used; the pixels were read as untagged.");
            }
        }

        using var srgb = color.Colourspace(Enums.Interpretation.Srgb);
        return ToThreeBands(srgb);
    }

    private static Image ToThreeBands(Image image)
    {
        using var uchar = image.Format == Enums.BandFormat.Uchar ? image.Copy() : image.Cast(Enums.BandFormat.Uchar);
        return uchar.Bands switch
        {
            3 => uchar.Copy(interpretation: Enums.Interpretation.Srgb),
            1 => uchar.Bandjoin(uchar, uchar).Copy(interpretation: Enums.Interpretation.Srgb),
            _ => uchar.ExtractBand(0, 3).Copy(interpretation: Enums.Interpretation.Srgb),
        };
    }

    private static Image? KeepIfTransparent(Image alpha, List<string> notes)
    {
        using (alpha)
        {
            var materialised = alpha.CopyMemory();
            if (materialised.Min() >= 255)
            {
                materialised.Dispose();
                return null;
            }

            notes.Add("The file carries transparency; it was kept as a matte.");
            return materialised;
        }
    }

    private static ImageLoadException Corrupt(string format, VipsException ex)
    {
        var reason = ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(line => line.Length > 0 && !line.StartsWith("unable to call", StringComparison.Ordinal))
            ?? "unreadable data";
        return new ImageLoadException(
            ImageLoadError.Corrupt,
            $"The {format} file is damaged or incomplete and cannot be decoded ({reason}). Upload the original file again.",
            ex);
    }

    private static int BitsPerSample(Enums.BandFormat format) => format switch
    {
        Enums.BandFormat.Uchar or Enums.BandFormat.Char => 8,
        Enums.BandFormat.Ushort or Enums.BandFormat.Short => 16,
        Enums.BandFormat.Float or Enums.BandFormat.Uint or Enums.BandFormat.Int => 32,
        _ => 64,
    };

    private static string ColorSpaceName(Image header) => header.Interpretation switch
    {
        Enums.Interpretation.Cmyk => "CMYK",
        Enums.Interpretation.Bw or Enums.Interpretation.Grey16 => "Grey",
        Enums.Interpretation.Srgb or Enums.Interpretation.Rgb16 or Enums.Interpretation.Rgb => "RGB",
        var other => other.ToString(),
    };

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
