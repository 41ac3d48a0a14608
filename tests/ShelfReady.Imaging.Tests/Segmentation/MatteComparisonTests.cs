using NetVips;
using ShelfReady.Imaging.Pixels;
using ShelfReady.Imaging.Segmentation;

namespace ShelfReady.Imaging.Tests.Segmentation;

public sealed class MatteComparisonTests
{
    [Fact]
    public void IoU_HalfOverlappingSquares_IsOneThird()
    {
        using var first = Matte((0, 0, 20, 10), 255);
        using var second = Matte((10, 0, 30, 10), 255);

        Assert.Equal(1.0 / 3, MatteComparison.IoU(first, second), 6);
    }

    [Fact]
    public void SoftIoU_HalfAlphaAgainstFull_IsHalf()
    {
        using var half = Matte((0, 0, 20, 20), 128);
        using var full = Matte((0, 0, 20, 20), 255);

        Assert.Equal(128.0 / 255, MatteComparison.SoftIoU(half, full), 6);
        Assert.Equal(1, MatteComparison.IoU(half, full));
    }

    [Fact]
    public void IoU_DifferentSizes_Throws()
    {
        using var first = Matte((0, 0, 5, 5), 255);
        using var second = Image.Black(10, 10).Cast(Enums.BandFormat.Uchar);

        Assert.Throws<ArgumentException>(() => MatteComparison.IoU(first, second));
    }

    private static Image Matte((int X0, int Y0, int X1, int Y1) box, byte value)
    {
        var pixels = new PixelBuffer(40, 20, 1);
        for (var y = box.Y0; y < box.Y1; y++)
        {
            for (var x = box.X0; x < box.X1; x++)
            {
                pixels.Data[pixels.IndexOf(x, y)] = value;
            }
        }

        return pixels.ToImage();
    }
}
