using System.Numerics;
using System.Runtime.InteropServices;
using ShelfReady.Imaging.Pixels;

namespace ShelfReady.Imaging.Quality;

/// <summary>
/// Dilation of a 1-band image's value range by a square, as a 0/1 plane: along each row from the runs of
/// in-range values (found by vectorised search), then down the columns by OR-ing the rows a square spans.
/// A square dilation is separable, so this costs a few vector operations per pixel however large the square.
/// </summary>
public static class SquareDilation
{
    /// <summary>1 where a pixel with a value in [<paramref name="low"/>, <paramref name="high"/>] lies within <paramref name="radius"/> (Chebyshev distance), clipped to the image.</summary>
    /// <param name="plane">A 1-band image.</param>
    /// <param name="low">The lowest value dilated.</param>
    /// <param name="high">The highest value dilated.</param>
    /// <param name="radius">The square's half side, at least 0.</param>
    public static byte[] OfRange(PixelBuffer plane, byte low, byte high, int radius)
    {
        ArgumentNullException.ThrowIfNull(plane);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        if (plane.Bands != 1)
        {
            throw new ArgumentException("The plane must have one band.", nameof(plane));
        }

        var (width, height) = (plane.Width, plane.Height);
        var alongRows = new byte[plane.PixelCount];
        for (var y = 0; y < height; y++)
        {
            DilateRow(plane.Data.AsSpan(y * width, width), alongRows.AsSpan(y * width, width), low, high, radius);
        }

        var dilated = new byte[plane.PixelCount];
        for (var y = 0; y < height; y++)
        {
            var target = dilated.AsSpan(y * width, width);
            for (var ny = Math.Max(0, y - radius); ny <= Math.Min(height - 1, y + radius); ny++)
            {
                Or(alongRows.AsSpan(ny * width, width), target);
            }
        }

        return dilated;
    }

    private static void DilateRow(ReadOnlySpan<byte> values, Span<byte> near, byte low, byte high, int radius)
    {
        var x = 0;
        while (x < values.Length)
        {
            var found = values[x..].IndexOfAnyInRange(low, high);
            if (found < 0)
            {
                return;
            }

            var start = x + found;
            var length = values[start..].IndexOfAnyExceptInRange(low, high);
            var end = length < 0 ? values.Length : start + length;
            near[Math.Max(0, start - radius)..Math.Min(values.Length, end + radius)].Fill(1);
            x = end;
        }
    }

    private static void Or(ReadOnlySpan<byte> source, Span<byte> target)
    {
        var vectors = MemoryMarshal.Cast<byte, Vector<byte>>(source);
        var targets = MemoryMarshal.Cast<byte, Vector<byte>>(target);
        for (var i = 0; i < vectors.Length; i++)
        {
            targets[i] |= vectors[i];
        }

        for (var i = vectors.Length * Vector<byte>.Count; i < source.Length; i++)
        {
            target[i] |= source[i];
        }
    }
}
