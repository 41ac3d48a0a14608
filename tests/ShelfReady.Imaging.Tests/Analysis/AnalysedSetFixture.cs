using ShelfReady.Imaging.Analysis;
using ShelfReady.Imaging.Segmentation;
using ShelfReady.Imaging.Synthetic;

namespace ShelfReady.Imaging.Tests.Analysis;

/// <summary>
/// 50 simple, 50 medium and 50 complex fixed-seed shots at 800–1200 px, each cut out by the classical segmenter
/// (as the pipeline would before routing) and measured once for the analysis test classes.
/// </summary>
public sealed class AnalysedSetFixture
{
    public const int ShotsPerSet = 50;

    public AnalysedSetFixture()
    {
        var segmenter = new ClassicalSegmenter();
        var specs = Enum.GetValues<ProductComplexity>().SelectMany(c => Enumerable.Range(0, ShotsPerSet).Select(i => Spec(c, i))).ToArray();
        var results = new AnalysedShot[specs.Length];
        Parallel.For(0, specs.Length, i =>
        {
            using var shot = StudioShotGenerator.Generate(specs[i]);
            using var matte = segmenter.Segment(shot.Photo);
            results[i] = new AnalysedShot(shot.Labels, EdgeComplexityAnalyzer.Analyze(shot.Photo, matte), ColorMatchAnalyzer.Analyze(shot.Photo, matte));
        });
        Shots = results;
    }

    public IReadOnlyList<AnalysedShot> Shots { get; }

    public IEnumerable<AnalysedShot> Of(ProductComplexity complexity) => Shots.Where(s => s.Labels.Complexity == complexity);

    private static StudioShotSpec Spec(ProductComplexity complexity, int index) => (index % 3) switch
    {
        0 => new StudioShotSpec { Seed = 8100 + index, Complexity = complexity, Width = 1200, Height = 900, JpegQuality = 90 },
        1 => new StudioShotSpec { Seed = 8100 + index, Complexity = complexity, Width = 1000, Height = 800, NoiseSigma = 2.5 },
        _ => new StudioShotSpec { Seed = 8100 + index, Complexity = complexity, Width = 800, Height = 1000, NoiseSigma = 1.5 },
    };
}

public sealed record AnalysedShot(StudioShotLabels Labels, EdgeComplexity Edge, ColorMatch ColorMatch);
