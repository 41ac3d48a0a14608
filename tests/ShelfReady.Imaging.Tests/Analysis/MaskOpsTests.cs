using ShelfReady.Imaging.Analysis;

namespace ShelfReady.Imaging.Tests.Analysis;

public sealed class MaskOpsTests
{
    [Fact]
    public void Distances_RandomBlobs_MatchTheTransformOfEachSide()
    {
        var (mask, width, height) = RandomBlobs(97, 61, seed: 3);

        var (inside, outside) = MaskOps.Distances(mask, width, height);

        Assert.Equal(MaskOps.Distance(mask, width, height, inside: true), inside);
        Assert.Equal(MaskOps.Distance(mask, width, height, inside: false), outside);
    }

    [Fact]
    public void Label_RandomBlobs_NumbersComponentsInRasterOrderOfTheirFirstPixel()
    {
        var (mask, width, height) = RandomBlobs(80, 50, seed: 5);

        var (labels, sizes) = MaskOps.Label(mask, width, height);

        var next = 1;
        for (var i = 0; i < mask.Length; i++)
        {
            Assert.Equal(mask[i], labels[i] != 0);
            if (labels[i] == next)
            {
                next++;
            }

            Assert.True(labels[i] < next, "A label appeared before the labels below it.");
        }

        Assert.Equal(mask.Count(m => m), sizes.Sum());
        for (var i = 0; i < mask.Length; i++)
        {
            // 8-connected neighbours in the mask share a label.
            var (x, y) = (i % width, i / width);
            if (mask[i] && x + 1 < width && y + 1 < height && mask[i + width + 1])
            {
                Assert.Equal(labels[i], labels[i + width + 1]);
            }
        }
    }

    [Fact]
    public void Outside_Ring_LeavesTheEnclosedHoleOut()
    {
        const int Side = 9;
        var mask = new bool[Side * Side];
        for (var i = 0; i < mask.Length; i++)
        {
            var (x, y) = (i % Side, i / Side);
            mask[i] = Math.Max(Math.Abs(x - 4), Math.Abs(y - 4)) == 2;
        }

        var outside = MaskOps.Outside(mask, Side, Side);

        Assert.False(outside[(4 * Side) + 4]);
        Assert.True(outside[0]);
        Assert.Equal(Side * Side - 16 - 9, outside.Count(o => o));
    }

    private static (bool[] Mask, int Width, int Height) RandomBlobs(int width, int height, int seed)
    {
        var random = new Random(seed);
        var mask = new bool[width * height];
        for (var blob = 0; blob < 12; blob++)
        {
            var (cx, cy, r) = (random.Next(width), random.Next(height), random.Next(2, 12));
            for (var i = 0; i < mask.Length; i++)
            {
                var (dx, dy) = ((i % width) - cx, (i / width) - cy);
                mask[i] ^= (dx * dx) + (dy * dy) <= r * r;
            }
        }

        return (mask, width, height);
    }
}
