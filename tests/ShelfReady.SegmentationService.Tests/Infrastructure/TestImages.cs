using NetVips;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Synthetic;

namespace ShelfReady.SegmentationService.Tests.Infrastructure;

/// <summary>Small synthetic studio shots, encoded the way clients would send them.</summary>
public static class TestImages
{
    public static StudioShot Shot(int width, int height, int seed) =>
        StudioShotGenerator.Generate(new StudioShotSpec { Width = width, Height = height, Seed = seed, Complexity = ProductComplexity.Simple });

    public static byte[] Jpeg(int width, int height, int seed)
    {
        using var shot = Shot(width, height, seed);
        return shot.ToJpeg();
    }

    public static byte[] Png(int width, int height, int seed)
    {
        using var shot = Shot(width, height, seed);
        return shot.Photo.PngsaveBuffer(keep: Enums.ForeignKeep.None);
    }

    /// <summary>A JPEG stored <paramref name="width"/>×<paramref name="height"/> whose EXIF says "rotate 90° clockwise" (orientation 6).</summary>
    public static byte[] RotatedJpeg(int width, int height, int seed)
    {
        using var shot = Shot(width, height, seed);
        using var tagged = shot.Photo.Mutate(image => image.Set(GValue.GIntType, "orientation", 6));
        return tagged.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.Exif);
    }

    /// <summary>Pixels of a PNG as one flat array, with its size and band count.</summary>
    public static (int Width, int Height, int Bands, byte[] Pixels) Decode(byte[] png)
    {
        using var image = Image.NewFromBuffer(png);
        return (image.Width, image.Height, image.Bands, image.WriteToMemory<byte>());
    }
}
