using System.Diagnostics;
using System.Globalization;
using NetVips;
using ShelfReady.Imaging.Analysis;
using ShelfReady.Imaging.Compositing;
using ShelfReady.Imaging.Loading;
using ShelfReady.Imaging.Quality;
using ShelfReady.Imaging.Segmentation;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Quality;
using ShelfReady.Pipeline.Routing;

namespace ShelfReady.Benchmarks.Quality;

/// <summary>
/// <c>qc-calibration &lt;folder&gt;</c>: for every photo below a folder (e.g. <c>../shared/calibration/images</c>),
/// the classical matte, the routing analysis (edge components, colour-match risk) and what the matte inspection
/// finds, one tab-separated line per photo, with the inspection's time, then the route, the QC score and verdict
/// of the cut-out composed as the pipeline's reference composite, and whether a person reviews it. For tuning
/// routing and QC on real photos.
/// </summary>
internal static class QcCalibration
{
    public static void Run(string[] args)
    {
        var folder = args.Length > 0 ? args[0] : "../shared/calibration/images";
        var loader = new ImageLoader(new ImageLoadOptions { MinLongSide = 1 });
        var segmenter = new ClassicalSegmenter();
        var analysisOptions = new AnalysisOptions();
        Console.WriteLine("file\tedge\troughness\tfine\tsolidity\tsoft\tcontrast\tinterior\tcolour-risk\tsigma\tinspect-ms\tdefects\troute\tqc\tverdict\treview");
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var loaded = loader.Load(File.ReadAllBytes(file));
            using var matte = segmenter.Segment(loaded.Rgb);
            var scale = Math.Min(1.0, (double)analysisOptions.AnalysisLongSide / Math.Max(loaded.Rgb.Width, loaded.Rgb.Height));
            using var small = loaded.Rgb.Resize(scale);
            using var smallMatte = new ClassicalSegmenter(new ClassicalSegmenterOptions { ProxyLongSide = analysisOptions.AnalysisLongSide }).Segment(small);
            var analysis = ImageAnalyzer.Analyze(small, smallMatte, options: analysisOptions);
            var clock = Stopwatch.StartNew();
            var inspection = CutoutInspector.Inspect(loaded.Rgb, matte);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var route = RoutingPolicy.Decide(null, analysis.Complexity, analysis.ColorMatch.Risk);
            var qc = Score(loaded.Rgb, matte, analysis);
            var e = analysis.Edge;
            var defects = string.Join(' ', inspection.Defects.GroupBy(d => d.Kind).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}:{g.Sum(d => d.AreaFraction) * 100:0.0}%/{g.Max(d => d.Contrast):0}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(folder, file)}\t{e.Score:0.00}\t{e.Roughness:0.00}\t{e.FineStructure:0.000}\t{e.Solidity:0.00}\t{e.SoftEdgeWidth:0.0}\t{e.EdgeContrast:0.0}\t{e.InteriorDeltaE:0.0}\t{analysis.ColorMatch.Risk:0.00}\t{inspection.BackdropSigma:0.0}\t{elapsed:0}\t{defects}\t{route.Complexity}\t{qc.Score}\t{qc.Verdict}\t{ReviewPolicy.NeedsReview(route, qc, QcThresholds.Default)}"));
        }
    }

    private static QcResult Score(Image rgb, Image matte, ImageAnalysis analysis)
    {
        var tone = analysis.Background.Tone;
        var options = new CompositeOptions
        {
            OutputLongSide = ComposeActivity.ReferenceLongSide,
            Shape = CanvasShape.Square,
            BackgroundReference = new BackgroundTone(Byte(tone.R), Byte(tone.G), Byte(tone.B)),
        };
        using var composite = StudioCompositor.Compose(rgb, matte, options);
        var gains = (composite.Gains.R, composite.Gains.G, composite.Gains.B);
        return QcScorer.Score(QcMeasurer.Measure(rgb, matte, composite.Image, composite.Matte, gains, composite.Fill.Ratio, options.TargetFill), QcThresholds.Default);
    }

    private static byte Byte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
