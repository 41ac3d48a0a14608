using NetVips;
using ShelfReady.Imaging.Analysis;
using ShelfReady.Imaging.Segmentation;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Measures how hard the cut-out will be before it is made: a quick classical matte on a small copy finds
/// the product, then edge complexity, colour-match risk and the background tone are read from it.
/// </summary>
public sealed class AnalyzeImageActivity(IBlobStore store) : Activity<AnalyzeImageInput, AnalysisOutput>
{
    private static readonly AnalysisOptions Options = new();

    /// <inheritdoc />
    public override async Task<AnalysisOutput> RunAsync(ActivityContext context, AnalyzeImageInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        using var master = await WorkImages.ReadAsync(store, input.Master, context.CancellationToken).ConfigureAwait(false);
        return Analyze(master, context.CancellationToken);
    }

    /// <summary>The analysis of one master, as the activity runs it.</summary>
    public static AnalysisOutput Analyze(Image master, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(master);
        var scale = Math.Min(1.0, (double)Options.AnalysisLongSide / Math.Max(master.Width, master.Height));
        using var small = master.Resize(scale);
        var segmenter = new ClassicalSegmenter(new ClassicalSegmenterOptions { ProxyLongSide = Options.AnalysisLongSide });
        using var matte = segmenter.Segment(small, cancellationToken);
        var analysis = ImageAnalyzer.Analyze(small, matte, options: Options);
        var tone = analysis.Background.Tone;
        return new AnalysisOutput(analysis.Edge.Score, analysis.Complexity, analysis.ColorMatch.Risk, ToByte(tone.R), ToByte(tone.G), ToByte(tone.B));
    }

    private static byte ToByte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
