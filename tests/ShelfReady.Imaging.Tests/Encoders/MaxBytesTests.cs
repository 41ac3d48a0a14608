using NetVips;
using ShelfReady.Imaging.Encoders;

namespace ShelfReady.Imaging.Tests.Encoders;

public sealed class MaxBytesTests : IDisposable
{
    // Noise compresses badly, so the quality search has real work to do.
    private readonly Image _noisy = Noise(400, 300);

    public static TheoryData<LossyEncoderOptions> LossyFormats => new()
    {
        new JpegOptions { Quality = 95 },
        new WebpOptions { Quality = 95, Effort = 0 },
    };

    [Theory]
    [MemberData(nameof(LossyFormats))]
    public void EncodeWithinBytes_GenerousLimit_KeepsTheRequestedQuality(LossyEncoderOptions options)
    {
        var unlimited = ImageEncoder.Encode(_noisy, options);

        var encoded = ImageEncoder.EncodeWithinBytes(_noisy, options, unlimited.Bytes.Length);

        Assert.Equal(options.Quality, encoded.Quality);
        Assert.Equal(unlimited.Bytes.Length, encoded.Bytes.Length);
    }

    [Theory]
    [MemberData(nameof(LossyFormats))]
    public void EncodeWithinBytes_TightLimit_FitsAtTheHighestQualityThatFits(LossyEncoderOptions options)
    {
        var atFloor = ImageEncoder.Encode(_noisy, options.WithQuality(ImageEncoder.DefaultFloorQuality));
        var atCeiling = ImageEncoder.Encode(_noisy, options);
        var limit = (atFloor.Bytes.Length + atCeiling.Bytes.Length) / 2;

        var encoded = ImageEncoder.EncodeWithinBytes(_noisy, options, limit);
        var oneHigher = ImageEncoder.Encode(_noisy, options.WithQuality(encoded.Quality!.Value + 1));

        Assert.InRange(encoded.Bytes.Length, 1, limit);
        Assert.InRange(encoded.Quality.Value, ImageEncoder.DefaultFloorQuality, options.Quality - 1);
        Assert.True(oneHigher.Bytes.Length > limit);
        Assert.Equal(options.Format, EncodedImageInspector.Inspect(encoded.Bytes).Format);
    }

    [Theory]
    [MemberData(nameof(LossyFormats))]
    public void EncodeWithinBytes_LimitBelowTheFloor_ThrowsTypedError(LossyEncoderOptions options)
    {
        var error = Assert.Throws<EncodedSizeExceededException>(
            () => ImageEncoder.EncodeWithinBytes(_noisy, options, 1000, floorQuality: 70));

        Assert.Equal(1000, error.MaxBytes);
        Assert.Equal(70, error.FloorQuality);
        Assert.True(error.SmallestBytes > 1000);
    }

    [Fact]
    public void EncodeWithinBytes_LosslessWebp_Throws()
    {
        Assert.Throws<ArgumentException>(
            () => ImageEncoder.EncodeWithinBytes(_noisy, new WebpOptions { Lossless = true }, 100_000));
    }

    public void Dispose() => _noisy.Dispose();

    private static Image Noise(int width, int height)
    {
        using var noise = Image.Gaussnoise(width, height, sigma: 50, mean: 128);
        using var bands = noise.Bandjoin(noise.Flip(Enums.Direction.Horizontal), noise.Flip(Enums.Direction.Vertical));
        using var bytes = bands.Cast(Enums.BandFormat.Uchar);
        using var srgb = bytes.Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.CopyMemory();
    }
}
