using ShelfReady.Imaging.Segmentation;
using ShelfReady.Imaging.Synthetic;

namespace ShelfReady.Imaging.Tests.Segmentation;

/// <summary>
/// Segments fixed-seed generated shots once per test class: 50 simple and 50 medium at 800–1200 px, a third of
/// them through a JPEG round trip, recording IoU at alpha 128 and soft IoU against ground truth.
/// </summary>
public sealed class SegmentationSetFixture
{
    public const int ShotsPerSet = 50;

    public SegmentationSetFixture()
    {
        var segmenter = new ClassicalSegmenter();
        var specs = new[] { ProductComplexity.Simple, ProductComplexity.Medium }
            .SelectMany(c => Enumerable.Range(0, ShotsPerSet).Select(i => Spec(c, i)))
            .ToArray();
        var results = new SegmentationResult[specs.Length];
        Parallel.For(0, specs.Length, i =>
        {
            using var shot = StudioShotGenerator.Generate(specs[i]);
            using var matte = segmenter.Segment(shot.Photo);
            results[i] = new SegmentationResult(shot.Labels, MatteComparison.IoU(matte, shot.Alpha), MatteComparison.SoftIoU(matte, shot.Alpha));
        });
        Results = results;
    }

    public IReadOnlyList<SegmentationResult> Results { get; }

    private static StudioShotSpec Spec(ProductComplexity complexity, int index) => (index % 3) switch
    {
        0 => new StudioShotSpec { Seed = 7100 + index, Complexity = complexity, Width = 1200, Height = 900, JpegQuality = 90 },
        1 => new StudioShotSpec { Seed = 7100 + index, Complexity = complexity, Width = 1000, Height = 800, NoiseSigma = 2.5 },
        _ => new StudioShotSpec { Seed = 7100 + index, Complexity = complexity, Width = 800, Height = 1000, NoiseSigma = 1.5 },
    };
}

public sealed record SegmentationResult(StudioShotLabels Labels, double IoU, double SoftIoU);
