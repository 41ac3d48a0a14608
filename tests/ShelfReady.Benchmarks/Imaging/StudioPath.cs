using System.Diagnostics;
using ShelfReady.Imaging.Analysis;
using ShelfReady.Imaging.Compositing;
using ShelfReady.Imaging.Encoders;
using ShelfReady.Imaging.Loading;
using ShelfReady.Imaging.Segmentation;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Pipeline.Quality;

namespace ShelfReady.Benchmarks.Imaging;

/// <summary>
/// The per-image imaging path of the budget: load a studio JPEG, segment it, analyse it, compose it on
/// white, check it as the QC activity does (the composite, its colour and the matte against the photo, then the
/// score) and export one 2000 px JPEG. Shared by the BenchmarkDotNet class and the Stopwatch mode so both time
/// the same work.
/// </summary>
internal sealed class StudioPath
{
    private const double TargetFill = 0.85;

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
        var qc = QcScorer.Score(QcMeasurer.Measure(loaded.Rgb, matte, composite.Image, composite.Matte, (composite.Gains.R, composite.Gains.G, composite.Gains.B), composite.Fill.Ratio, TargetFill), QcThresholds.Default);
        Lap(clock, stageMilliseconds, 4);
        var encoded = ImageEncoder.Encode(composite.Image, jpeg);
        Lap(clock, stageMilliseconds, 5);
        return encoded.Bytes.Length + qc.Score;
    }

    /// <summary>Names of the stages, in the order of the timings.</summary>
    public static IReadOnlyList<string> Stages { get; } = ["load (decode, orient, sRGB)", "segment", "analyse (edges, colour match, background)", "compose", "QC (measure and score, as the QC activity)", "JPEG 2000 px export"];

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
