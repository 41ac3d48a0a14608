using ShelfReady.Imaging.Pixels;
using ShelfReady.Imaging.Quality;

namespace ShelfReady.Imaging.Tests.Quality;

public sealed class SquareDilationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void OfRange_RandomPlane_MarksEveryPixelWithAnInRangeValueWithinTheSquare(int radius)
    {
        const int Width = 71;
        const int Height = 37;
        var random = new Random(radius + 1);
        var data = new byte[Width * Height];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = random.Next(40) == 0 ? (byte)random.Next(1, 255) : (random.Next(2) == 0 ? (byte)0 : (byte)255);
        }

        var dilated = SquareDilation.OfRange(PixelBuffer.Wrap(data, Width, Height, 1), 1, 254, radius);

        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var near = false;
                for (var ny = Math.Max(0, y - radius); ny <= Math.Min(Height - 1, y + radius); ny++)
                {
                    for (var nx = Math.Max(0, x - radius); nx <= Math.Min(Width - 1, x + radius); nx++)
                    {
                        near |= data[(ny * Width) + nx] is >= 1 and <= 254;
                    }
                }

                Assert.Equal(near ? 1 : 0, dilated[(y * Width) + x]);
            }
        }
    }
}
