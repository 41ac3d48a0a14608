using NetVips;
using ShelfReady.Imaging.Compositing;
using ShelfReady.Imaging.Segmentation;
using ShelfReady.Imaging.Synthetic;

namespace ShelfReady.Imaging.Tests.Compositing;

/// <summary>
/// Composites of 50 generated studio shots cut out by the classical segmenter, as the pipeline makes them:
/// every background pixel must be exactly white and the fill within one point of the target.
/// </summary>
public sealed class GeneratedSetCompositeTests
{
    private const int Shots = 50;
    private static readonly double[] Targets = [0.85, 0.75, 0.9];

    [Fact]
    public void Compose_FiftyGeneratedShots_BackgroundExactlyWhiteAndFillWithinOnePoint()
    {
        var segmenter = new ClassicalSegmenter();
        var failures = new string?[Shots];
        Parallel.For(0, Shots, i =>
        {
            var complexity = i % 2 == 0 ? ProductComplexity.Simple : ProductComplexity.Medium;
            var spec = new StudioShotSpec { Seed = 8100 + i, Complexity = complexity, Width = 1200, Height = 900, JpegQuality = i % 3 == 0 ? 90 : null };
            var target = Targets[i % Targets.Length];
            using var shot = StudioShotGenerator.Generate(spec);
            using var matte = segmenter.Segment(shot.Photo);
            using var result = StudioCompositor.Compose(shot.Photo, matte, new CompositeOptions { TargetFill = target, OutputLongSide = 1000 });
            var offWhite = OffWhiteBackgroundPixels(result.Image, result.Matte);
            var fill = result.Fill.Ratio;
            failures[i] = offWhite == 0 && Math.Abs(fill - target) <= 0.01
                ? null
                : $"seed {spec.Seed} ({shot.Labels.Category}): {offWhite} off-white background pixels, fill {fill:0.000} for {target}";
        });

        Assert.Empty(failures.OfType<string>());
    }

    private static long OffWhiteBackgroundPixels(Image composite, Image matte)
    {
        var rgb = composite.WriteToMemory<byte>();
        var alpha = matte.WriteToMemory<byte>();
        long count = 0;
        for (var i = 0; i < alpha.Length; i++)
        {
            if (alpha[i] == 0 && (rgb[i * 3] != 255 || rgb[(i * 3) + 1] != 255 || rgb[(i * 3) + 2] != 255))
            {
                count++;
            }
        }

        return count;
    }
}
