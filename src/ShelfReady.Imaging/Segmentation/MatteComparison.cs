using NetVips;
using ShelfReady.Imaging.Pixels;

namespace ShelfReady.Imaging.Segmentation;

/// <summary>Agreement between two alpha mattes of the same size, e.g. a segmenter's output and ground truth.</summary>
public static class MatteComparison
{
    /// <summary>Intersection over union of the masks alpha ≥ <paramref name="threshold"/>; 1 when both are empty.</summary>
    public static double IoU(Image first, Image second, byte threshold = 128)
    {
        var (a, b) = Read(first, second);
        long intersection = 0, union = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var inA = a[i] >= threshold;
            var inB = b[i] >= threshold;
            intersection += inA && inB ? 1 : 0;
            union += inA || inB ? 1 : 0;
        }

        return union == 0 ? 1 : (double)intersection / union;
    }

    /// <summary>Soft (fuzzy) IoU: Σ min(α₁, α₂) / Σ max(α₁, α₂); 1 when both are empty.</summary>
    public static double SoftIoU(Image first, Image second)
    {
        var (a, b) = Read(first, second);
        long intersection = 0, union = 0;
        for (var i = 0; i < a.Length; i++)
        {
            intersection += Math.Min(a[i], b[i]);
            union += Math.Max(a[i], b[i]);
        }

        return union == 0 ? 1 : (double)intersection / union;
    }

    private static (byte[] First, byte[] Second) Read(Image first, Image second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Width != second.Width || first.Height != second.Height || first.Bands != 1 || second.Bands != 1)
        {
            throw new ArgumentException("Mattes must be 1-band images of the same size.");
        }

        return (PixelBuffer.From(first).Data, PixelBuffer.From(second).Data);
    }
}
