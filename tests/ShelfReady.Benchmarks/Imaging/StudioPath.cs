using System.Diagnostics;
using ShelfReady.Imaging.Analysis;
using ShelfReady.Imaging.Compositing;
using ShelfReady.Imaging.Encoders;
using ShelfReady.Imaging.Loading;
using ShelfReady.Imaging.Quality;
using ShelfReady.Imaging.Segmentation;
using ShelfReady.Imaging.Synthetic;

namespace ShelfReady.Benchmarks.Imaging;

/// <summary>
/// The per-image imaging path of the budget: load a studio JPEG, segment it, measure it (analysis
/// and QC measurements), compose it on white and export one 2000 px JPEG. Shared by the BenchmarkDotNet class
/// and the Stopwatch mode so both time the same work.
/// </summary>
internal sealed class StudioPath
{
    private readonly ImageLoader loader = new();
    private readonly ClassicalSegmenter segmenter = new();
    private readonly JpegOptions jpeg = new() { Quality = 95 };

    /// <summary>A 4000×3000 generated studio shot as a q92 JPEG.</summary>
    public static byte[] TwelveMegapixelJpeg(int seed)
    {
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Width = 4000, Height = 3000, Seed = seed, Complexity = ShelfReady.Imaging.ProductComplexity.Simple });
        return shot.ToJpeg(92);
    }

    /// <summary>Runs the whole path; returns the export's size so nothing is optimised away.</summary>
    public int Run(byte[] jpegFile, Span<double> stageMilliseconds)
    {
        var clock = Stopwatch.StartNew();
        using var loaded = loader.Load(jpegFile);
        Lap(clock, stageMilliseconds, 0);
        using var matte = segmenter.Segment(loaded.Rgb);
        Lap(clock, stageMilliseconds, 1);
        var analysis = ImageAnalyzer.Analyze(loaded.Rgb, matte);
        Lap(clock, stageMilliseconds, 2);
        using var composite = StudioCompositor.Compose(loaded.Rgb, matte, new CompositeOptions { BackgroundReference = new BackgroundTone(Byte(analysis.Background.Tone.R), Byte(analysis.Background.Tone.G), Byte(analysis.Background.Tone.B)) });
        Lap(clock, stageMilliseconds, 3);
        var compliance = BackgroundCompliance.Measure(composite.Image, composite.Matte);
        var edge = EdgeQuality.Measure(composite.Image, composite.Matte);
        Lap(clock, stageMilliseconds, 4);
        var inspection = CutoutInspector.Inspect(loaded.Rgb, matte);
        Lap(clock, stageMilliseconds, 5);
        var encoded = ImageEncoder.Encode(composite.Image, jpeg);
        Lap(clock, stageMilliseconds, 6);
        return encoded.Bytes.Length + (compliance.Pass ? 1 : 0) + (edge.HaloScore > 0.5 ? 1 : 0) + inspection.Defects.Count;
    }

    /// <summary>Names of the stages, in the order of the timings.</summary>
    public static IReadOnlyList<string> Stages { get; } = ["load (decode, orient, sRGB)", "segment", "analyse (edges, colour match, background)", "compose", "QC on the composite (border, halo)", "QC of the matte against the photo", "JPEG 2000 px export"];

    private static void Lap(Stopwatch clock, Span<double> stages, int index)
    {
        if (stages.Length > index)
        {
            stages[index] = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
        }
    }

    private static byte Byte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
