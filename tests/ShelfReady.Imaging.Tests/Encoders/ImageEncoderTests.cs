using NetVips;
using ShelfReady.Imaging.Color;
using ShelfReady.Imaging.Encoders;
using ShelfReady.Imaging.Tests.Compositing;

namespace ShelfReady.Imaging.Tests.Encoders;

public sealed class ImageEncoderTests : IDisposable
{
    private readonly StudioShot _shot = StudioShot.Disk(320, 240, 150, 120, 80, [40, 60, 120], [255, 255, 255]);

    public static TheoryData<EncoderOptions, OutputFormat> EveryFormat => new()
    {
        { new JpegOptions(), OutputFormat.Jpeg },
        { new JpegOptions { Progressive = true, OptimizeCoding = true, ChromaSubsampling = true, Quality = 75 }, OutputFormat.Jpeg },
        { new WebpOptions { Effort = 2 }, OutputFormat.WebP },
        { new WebpOptions { Lossless = true, Effort = 0 }, OutputFormat.WebP },
        { new PngOptions(), OutputFormat.Png },
        { new TiffOptions { Compression = TiffCompression.Lzw, BitDepth = 8 }, OutputFormat.Tiff },
    };

    [Theory]
    [MemberData(nameof(EveryFormat))]
    public void Encode_EveryFormat_ReopensWithItsFormatSizeAndSrgbProfile(EncoderOptions options, OutputFormat format)
    {
        var encoded = ImageEncoder.Encode(_shot.Rgb, options);

        var reopened = EncodedImageInspector.Inspect(encoded.Bytes);

        Assert.Equal(format, reopened.Format);
        Assert.Equal((320, 240, 3, 8), (reopened.Width, reopened.Height, reopened.Bands, reopened.BitDepth));
        Assert.Equal((320, 240, 8), (encoded.Width, encoded.Height, encoded.BitDepth));
        Assert.Contains("srgb", reopened.IccDescription, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Encode_LosslessFormats_KeepEveryPixel()
    {
        foreach (EncoderOptions options in new EncoderOptions[]
                 { new PngOptions(), new TiffOptions { BitDepth = 8 }, new WebpOptions { Lossless = true } })
        {
            var encoded = ImageEncoder.Encode(_shot.Rgb, options);
            using var reopened = Image.NewFromBuffer(encoded.Bytes);
            using var difference = (reopened - _shot.Rgb).Abs();

            Assert.Equal(0, difference.Max());
        }
    }

    [Fact]
    public void Encode_NoProfile_EmbedsNone()
    {
        var encoded = ImageEncoder.Encode(_shot.Rgb, new JpegOptions { Profile = EmbeddedProfile.None });

        Assert.Null(EncodedImageInspector.Inspect(encoded.Bytes).IccDescription);
    }

    [Theory]
    [InlineData(TiffCompression.Deflate)]
    [InlineData(TiffCompression.Lzw)]
    [InlineData(TiffCompression.None)]
    public void Encode_PrintTiff_Is16BitAdobeRgbAt300Dpi(TiffCompression compression)
    {
        var options = new TiffOptions { BitDepth = 16, Profile = EmbeddedProfile.AdobeRgb1998, Compression = compression };

        var encoded = ImageEncoder.Encode(_shot.Rgb, options);
        var reopened = EncodedImageInspector.Inspect(encoded.Bytes);

        Assert.Equal(OutputFormat.Tiff, reopened.Format);
        Assert.Equal(16, reopened.BitDepth);
        Assert.Equal(300, reopened.Dpi, 1);
        Assert.Equal(AdobeRgb1998.Description, reopened.IccDescription);
    }

    [Fact]
    public void Encode_TiffCompression_ShrinksTheFile()
    {
        var raw = ImageEncoder.Encode(_shot.Rgb, new TiffOptions { Compression = TiffCompression.None });
        var deflated = ImageEncoder.Encode(_shot.Rgb, new TiffOptions { Compression = TiffCompression.Deflate });

        Assert.True(deflated.Bytes.Length < raw.Bytes.Length / 4);
    }

    [Fact]
    public void Encode_AdobeRgbTiff_StoresConvertedPixels()
    {
        using var green = Solid(0, 255, 0);
        var encoded = ImageEncoder.Encode(
            green, new TiffOptions { Profile = EmbeddedProfile.AdobeRgb1998, BitDepth = 16 });

        using var reopened = Image.NewFromBuffer(encoded.Bytes);
        var pixel = reopened.Getpoint(0, 0);

        // sRGB green is (144, 255, 60) in 8-bit Adobe RGB; ×257 in 16 bit.
        Assert.InRange(pixel[0] / 257, 142, 146);
        Assert.InRange(pixel[1] / 257, 253, 255);
        Assert.InRange(pixel[2] / 257, 58, 62);
    }

    [Fact]
    public void Encode_Png16_WidensEverySampleExactly()
    {
        var encoded = ImageEncoder.Encode(_shot.Rgb, new PngOptions { BitDepth = 16 });

        using var reopened = Image.NewFromBuffer(encoded.Bytes);
        using var expected = _shot.Rgb * 257;
        using var difference = (reopened - expected).Abs();

        Assert.Equal(Enums.BandFormat.Ushort, reopened.Format);
        Assert.Equal(0, difference.Max());
    }

    [Fact]
    public void Encode_Jpeg_ProgressiveFlagReachesTheFile()
    {
        var progressive = ImageEncoder.Encode(_shot.Rgb, new JpegOptions { Progressive = true });
        var baseline = ImageEncoder.Encode(_shot.Rgb, new JpegOptions());

        // SOF2 (FF C2) marks a progressive JPEG, SOF0/SOF1 a baseline or extended one.
        Assert.True(HasMarker(progressive.Bytes, 0xC2));
        Assert.False(HasMarker(baseline.Bytes, 0xC2));
    }

    [Fact]
    public void Encode_Jpeg_SubsamplingOffGrowsTheFile()
    {
        using var noisy = Image.Gaussnoise(256, 256, sigma: 60, mean: 128);
        using var bands = noisy.Bandjoin(noisy.Rot90(), noisy.Rot180()).Cast(Enums.BandFormat.Uchar);
        var subsampled = ImageEncoder.Encode(bands, new JpegOptions { ChromaSubsampling = true });
        var full = ImageEncoder.Encode(bands, new JpegOptions { ChromaSubsampling = false });

        Assert.True(full.Bytes.Length > subsampled.Bytes.Length);
    }

    [Fact]
    public void Encode_KeepMetadata_KeepsExif()
    {
        using var tagged = _shot.Rgb.Mutate(m => m.Set(GValue.GStrType, "exif-ifd0-Artist", "ShelfReady test"));
        using var withExif = Image.NewFromBuffer(tagged.JpegsaveBuffer(keep: Enums.ForeignKeep.All));

        var kept = ImageEncoder.Encode(withExif, new JpegOptions { StripMetadata = false });
        var stripped = ImageEncoder.Encode(withExif, new JpegOptions());

        using var keptImage = Image.NewFromBuffer(kept.Bytes);
        using var strippedImage = Image.NewFromBuffer(stripped.Bytes);
        Assert.True(keptImage.Contains("exif-data"));
        Assert.False(strippedImage.Contains("exif-data"));
    }

    [Fact]
    public void Validate_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new JpegOptions { BitDepth = 16 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebpOptions { Effort = 7 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new TiffOptions { Dpi = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new PngOptions { CompressionLevel = 10 }.Validate());
    }

    public void Dispose() => _shot.Dispose();

    /// <summary>Walks the marker segments from SOI up to the first start-of-frame.</summary>
    private static bool HasMarker(byte[] jpeg, byte marker)
    {
        var i = 2;
        while (i + 3 < jpeg.Length && jpeg[i] == 0xFF)
        {
            var current = jpeg[i + 1];
            if (current == marker)
            {
                return true;
            }

            if (current is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return false;
            }

            i += 2 + ((jpeg[i + 2] << 8) | jpeg[i + 3]);
        }

        return false;
    }

    private static Image Solid(byte r, byte g, byte b)
    {
        using var black = Image.Black(4, 4);
        using var colour = black.NewFromImage(r, g, b);
        return colour.Copy(interpretation: Enums.Interpretation.Srgb);
    }
}
