using ShelfReady.Imaging.Pixels;

namespace ShelfReady.Imaging.Quality;

/// <summary>
/// Mean colour of the fully opaque pixels in the square window around a soft matte pixel (0 &lt; α &lt; 255), for
/// windows visited row by row. Keeps per-row prefix sums for just the rows a window spans, so a window costs one
/// subtraction per row instead of a visit to each of its pixels, in memory for a few rows only; and only along
/// the stretches of each row that some soft pixel's window covers (a few pixels either side of the outline),
/// each stretch summed from its own start: a window lies within one stretch, so its difference is the same.
/// </summary>
internal sealed class OpaqueWindowMeans
{
    // Per row slot and column boundary: opaque count, then the red, green and blue sums left of that column.
    private const int Channels = 4;

    private readonly PixelBuffer rgb;
    private readonly PixelBuffer alpha;
    private readonly int radius;
    private readonly int slots;
    private readonly int rowLength;
    private readonly int[] prefix;
    private readonly byte[] covered;
    private int lastComputedRow = -1;

    /// <summary>Initializes a new instance of the <see cref="OpaqueWindowMeans"/> class.</summary>
    /// <param name="rgb">The 3-band colour samples.</param>
    /// <param name="alpha">The 1-band matte of the same size; 255 is opaque.</param>
    /// <param name="radius">The window's half side; the window is 2·radius + 1 pixels square.</param>
    public OpaqueWindowMeans(PixelBuffer rgb, PixelBuffer alpha, int radius)
    {
        (this.rgb, this.alpha, this.radius) = (rgb, alpha, radius);
        slots = (2 * radius) + 1;
        rowLength = (alpha.Width + 1) * Channels;
        prefix = new int[slots * rowLength];
        covered = SquareDilation.OfRange(alpha, 1, 254, radius);
    }

    /// <summary>
    /// The mean colour of the opaque pixels around the soft pixel (x, y), clipped to the image; false when there
    /// are none. Calls must not go back to an earlier row.
    /// </summary>
    public bool TryMean(int x, int y, Span<double> colour)
    {
        var (top, bottom) = (Math.Max(0, y - radius), Math.Min(alpha.Height - 1, y + radius));
        while (lastComputedRow < bottom)
        {
            ComputeRow(++lastComputedRow);
        }

        var (left, right) = (Math.Max(0, x - radius), Math.Min(alpha.Width - 1, x + radius) + 1);
        var (count, r, g, b) = (0L, 0L, 0L, 0L);
        for (var row = top; row <= bottom; row++)
        {
            var start = ((row % slots) * rowLength) + (left * Channels);
            var end = ((row % slots) * rowLength) + (right * Channels);
            (count, r, g, b) = (count + prefix[end] - prefix[start], r + prefix[end + 1] - prefix[start + 1], g + prefix[end + 2] - prefix[start + 2], b + prefix[end + 3] - prefix[start + 3]);
        }

        if (count == 0)
        {
            return false;
        }

        (colour[0], colour[1], colour[2]) = ((double)r / count, (double)g / count, (double)b / count);
        return true;
    }

    private void ComputeRow(int row)
    {
        var slot = prefix.AsSpan((row % slots) * rowLength, rowLength);
        var needed = covered.AsSpan(row * alpha.Width, alpha.Width);
        var x = 0;
        while (x < needed.Length)
        {
            var found = needed[x..].IndexOf((byte)1);
            if (found < 0)
            {
                return;
            }

            var start = x + found;
            var length = needed[start..].IndexOf((byte)0);
            var end = length < 0 ? needed.Length : start + length;
            SumStretch(row, start, end, slot);
            x = end;
        }
    }

    /// <summary>Prefix sums over columns [start, end) of a row, at the boundaries start..end of the slot.</summary>
    private void SumStretch(int row, int start, int end, Span<int> slot)
    {
        var (count, r, g, b) = (0, 0, 0, 0);
        slot.Slice(start * Channels, Channels).Clear();
        for (var x = start; x < end; x++)
        {
            var i = (row * alpha.Width) + x;
            if (alpha.Data[i] == 255)
            {
                (count, r, g, b) = (count + 1, r + rgb.Data[i * 3], g + rgb.Data[(i * 3) + 1], b + rgb.Data[(i * 3) + 2]);
            }

            var at = (x + 1) * Channels;
            (slot[at], slot[at + 1], slot[at + 2], slot[at + 3]) = (count, r, g, b);
        }
    }
}
