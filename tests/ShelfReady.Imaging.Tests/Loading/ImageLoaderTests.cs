using NetVips;
using ShelfReady.Imaging.Loading;

namespace ShelfReady.Imaging.Tests.Loading;

public sealed class ImageLoaderTests
{
    private readonly ImageLoader loader = new();

    [Fact]
    public void Load_ZeroBytes_IsEmptyError()
    {
        var error = Assert.Throws<ImageLoadException>(() => loader.Load([]));

        Assert.Equal(ImageLoadError.Empty, error.Error);
    }

    [Fact]
    public void Load_TruncatedJpeg_IsCorruptError()
    {
        using var image = TestFiles.MarkedImage();
        var jpeg = TestFiles.Jpeg(image);

        var error = Assert.Throws<ImageLoadException>(() => loader.Load(jpeg[..(jpeg.Length / 2)]));

        Assert.Equal(ImageLoadError.Corrupt, error.Error);
        Assert.Contains("damaged or incomplete", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PngWithBrokenCrc_IsCorruptError()
    {
        using var image = TestFiles.MarkedImage();

        var error = Assert.Throws<ImageLoadException>(() => loader.Load(TestFiles.WithBrokenIdatCrc(TestFiles.Png(image))));

        Assert.Equal(ImageLoadError.Corrupt, error.Error);
    }

    [Fact]
    public void Load_TextNamedJpg_IsUnsupportedWithReason()
    {
        var text = "<html><body>not a photo</body></html>"u8.ToArray();

        var error = Assert.Throws<ImageLoadException>(() => loader.Load(text));

        Assert.Equal(ImageLoadError.UnsupportedFormat, error.Error);
        Assert.Contains("text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PngHeaderClaiming60000Square_IsRefusedAsTooLargeBeforeDecoding()
    {
        var error = Assert.Throws<ImageLoadException>(() => loader.Load(TestFiles.PngHeaderOnly(60000, 60000)));

        Assert.Equal(ImageLoadError.TooLarge, error.Error);
        Assert.Contains("60000×60000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileOverByteCap_IsTooLarge()
    {
        using var image = TestFiles.MarkedImage();
        var small = new ImageLoader(new ImageLoadOptions { MaxBytes = 1000 });

        var error = Assert.Throws<ImageLoadException>(() => small.Load(TestFiles.Png(image)));

        Assert.Equal(ImageLoadError.TooLarge, error.Error);
    }

    [Fact]
    public void Load_OnePixelImage_IsTooSmall()
    {
        using var pixel = Image.Black(1, 1, bands: 3).Cast(Enums.BandFormat.Uchar);

        var error = Assert.Throws<ImageLoadException>(() => loader.Load(TestFiles.Png(pixel)));

        Assert.Equal(ImageLoadError.TooSmall, error.Error);
    }

    [Fact]
    public void Load_AnimatedGif_UsesFirstFrameAndSaysSo()
    {
        using var first = TestFiles.MarkedImage(1000, 800);
        using var second = Image.Black(1000, 800, bands: 3).Cast(Enums.BandFormat.Uchar);
        using var strip = first.Join(second, Enums.Direction.Vertical);
        using var animation = strip.Mutate(m => m.Set(GValue.GIntType, "page-height", 800));

        using var loaded = loader.Load(animation.GifsaveBuffer());

        Assert.Equal(2, loaded.Source.FrameCount);
        Assert.Equal((1000, 800), (loaded.Width, loaded.Height));
        Assert.Contains(loaded.Notes, note => note.Contains("first frame", StringComparison.Ordinal));
        Assert.True(loaded.Rgb.Getpoint(50, 50)[0] > 200, "The first frame's red marker should be present.");
    }

    [Fact]
    public void Load_CmykJpeg_IsConvertedToSrgb()
    {
        using var image = TestFiles.MarkedImage();
        using var cmyk = image.Colourspace(Enums.Interpretation.Cmyk);

        using var loaded = loader.Load(cmyk.JpegsaveBuffer(q: 95));

        Assert.Equal("CMYK", loaded.Source.ColorSpace);
        Assert.Equal(3, loaded.Rgb.Bands);
        Assert.Equal(Enums.Interpretation.Srgb, loaded.Rgb.Interpretation);
        var marker = loaded.Rgb.Getpoint(50, 50);
        Assert.True(marker[0] > 200 && marker[1] < 60 && marker[2] < 60, $"Red survived CMYK, got {string.Join(',', marker)}.");
    }

    [Fact]
    public void Load_SixteenBitPng_IsReadAsEightBitWithSameTones()
    {
        using var image = TestFiles.MarkedImage();
        using var sixteen = (image.Cast(Enums.BandFormat.Ushort) * 257).Cast(Enums.BandFormat.Ushort).Copy(interpretation: Enums.Interpretation.Rgb16);

        using var loaded = loader.Load(sixteen.PngsaveBuffer());

        Assert.Equal(16, loaded.Source.BitsPerSample);
        Assert.Equal(Enums.BandFormat.Uchar, loaded.Rgb.Format);
        Assert.Equal(128, loaded.Rgb.Getpoint(600, 600)[1], 1);
        Assert.Equal(255, loaded.Rgb.Getpoint(50, 50)[0], 1);
    }

    [Fact]
    public void Load_PngWithAlpha_KeepsTheMatte()
    {
        using var image = TestFiles.MarkedImage();
        using var alpha = (Image.Black(TestFiles.Width, TestFiles.Height) + 255).Cast(Enums.BandFormat.Uchar);
        using var hole = alpha.Mutate(m => m.DrawRect([0], 400, 300, 200, 100, fill: true));
        using var rgba = image.Bandjoin(hole);

        using var loaded = loader.Load(rgba.PngsaveBuffer());

        Assert.True(loaded.Source.HadAlpha);
        Assert.NotNull(loaded.Alpha);
        Assert.Equal(3, loaded.Rgb.Bands);
        Assert.Equal(0, loaded.Alpha.Getpoint(500, 350)[0]);
        Assert.Equal(255, loaded.Alpha.Getpoint(10, 10)[0]);
    }

    [Fact]
    public void Load_ExifRotatedJpeg_IsUpright()
    {
        using var image = TestFiles.MarkedImage();
        using var tagged = image.Mutate(m => m.Set(GValue.GIntType, "orientation", 6));

        using var loaded = loader.Load(tagged.JpegsaveBuffer(q: 92));

        // Orientation 6 means "rotate 90° clockwise to view": the top-left marker lands top-right.
        Assert.Equal(6, loaded.Source.Orientation);
        Assert.Equal((TestFiles.Height, TestFiles.Width), (loaded.Width, loaded.Height));
        Assert.True(loaded.Rgb.Getpoint(loaded.Width - 50, 50)[0] > 200);
        Assert.True(loaded.Rgb.Getpoint(50, 50)[0] < 160);
    }

    [Fact]
    public void Load_Avif_Decodes()
    {
        using var image = TestFiles.MarkedImage();

        using var loaded = loader.Load(image.HeifsaveBuffer(q: 80, compression: Enums.ForeignHeifCompression.Av1));

        Assert.Equal(ImageFormat.Avif, loaded.Source.Format);
        Assert.Equal((TestFiles.Width, TestFiles.Height), (loaded.Width, loaded.Height));
        Assert.True(loaded.Rgb.Getpoint(50, 50)[0] > 200);
    }

    [Fact]
    public void Load_Heic_IsRefusedWithAdvice()
    {
        var heic = new byte[256];
        heic[3] = 0x18;
        "ftypheic\0\0\0\0mif1heic"u8.CopyTo(heic.AsSpan(4));

        var error = Assert.Throws<ImageLoadException>(() => loader.Load(heic));

        Assert.Equal(ImageLoadError.UnsupportedFormat, error.Error);
        Assert.Contains("HEIC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DngFile_IsRefusedAsCameraRaw()
    {
        var error = Assert.Throws<ImageLoadException>(() => loader.Load(TestFiles.DngSkeleton()));

        Assert.Equal(ImageLoadError.CameraRawUnsupported, error.Error);
        Assert.Contains("DNG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DisplayP3Jpeg_IsConvertedToSrgbColours()
    {
        using var image = TestFiles.MarkedImage();
        using var p3 = image.IccTransform("p3", inputProfile: "srgb", intent: Enums.Intent.Relative);

        using var loaded = loader.Load(p3.JpegsaveBuffer(q: 98));

        // libvips's built-in Display P3 profile is the compact ICC v4 one named "sP3C".
        Assert.Equal("sP3C", loaded.Metadata.IccProfileDescription);
        var marker = loaded.Rgb.Getpoint(50, 50);
        // JPEG at q98 and two 8-bit ICC transforms leave a few levels of rounding.
        Assert.InRange(marker[0], 248, 255);
        Assert.InRange(marker[1], 0, 8);
        Assert.InRange(marker[2], 0, 8);
    }

    [Fact]
    public void Load_GreyJpeg_BecomesThreeBands()
    {
        using var image = TestFiles.MarkedImage();
        using var grey = image.Colourspace(Enums.Interpretation.Bw);

        using var loaded = loader.Load(grey.JpegsaveBuffer());

        Assert.Equal("Grey", loaded.Source.ColorSpace);
        Assert.Equal(3, loaded.Rgb.Bands);
    }

    [Fact]
    public void Load_AdobeRgbTaggedPhoto_IsConvertedBackToItsSrgbColours()
    {
        using var image = TestFiles.MarkedImage();
        using var adobe = ShelfReady.Imaging.Color.ColorSpaceConverter.SrgbToAdobeRgb(image, depth: 8);

        using var loaded = loader.Load(adobe.JpegsaveBuffer(q: 98));

        Assert.Equal(ShelfReady.Imaging.Color.AdobeRgb1998.Description, loaded.Metadata.IccProfileDescription);
        var marker = loaded.Rgb.Getpoint(50, 50);
        var field = loaded.Rgb.Getpoint(600, 600);
        Assert.InRange(marker[0], 248, 255);
        Assert.InRange(marker[1], 0, 8);
        Assert.InRange(field[1], 124, 132);
    }
}
