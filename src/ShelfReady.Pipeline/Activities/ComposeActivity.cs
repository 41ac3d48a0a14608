using ShelfReady.Imaging.Compositing;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Composes the reference image a reviewer and the QC score look at: the product on pure white, framed at
/// the target fill on a square the size of the largest web export, white-balanced against the measured
/// background. Square web exports at that fill are this very image, resized.
/// </summary>
public sealed class ComposeActivity(IBlobStore store) : Activity<ComposeInput, ComposeOutput>
{
    /// <summary>
    /// Fill of the reference composite: Amazon's 85%, which every built-in profile accepts; an export whose
    /// profile asks for another framing composes its own.
    /// </summary>
    public const double ReferenceFill = 0.85;

    /// <summary>Long side of the reference composite: the largest square web export (Shopify's 2048).</summary>
    public const int ReferenceLongSide = 2048;

    /// <inheritdoc />
    public override async Task<ComposeOutput> RunAsync(ActivityContext context, ComposeInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var token = context.CancellationToken;
        using var master = await WorkImages.ReadAsync(store, input.Master, token).ConfigureAwait(false);
        using var mask = await WorkImages.ReadAsync(store, input.Mask, token).ConfigureAwait(false);
        var options = new CompositeOptions
        {
            TargetFill = input.TargetFill,
            OutputLongSide = ReferenceLongSide,
            Shape = CanvasShape.Square,
            BackgroundReference = new BackgroundTone(input.Analysis.BackgroundR, input.Analysis.BackgroundG, input.Analysis.BackgroundB),
        };
        using var result = StudioCompositor.Compose(master, mask, options);
        var composite = WorkPaths.Composite(input.JobId, input.Attempt);
        var compositeMask = WorkPaths.CompositeMask(input.JobId, input.Attempt);
        await WorkImages.WritePngAsync(store, composite, result.Image, token).ConfigureAwait(false);
        await WorkImages.WritePngAsync(store, compositeMask, result.Matte, token).ConfigureAwait(false);
        return new ComposeOutput(composite, compositeMask, result.Image.Width, result.Image.Height, result.Fill.Ratio, result.Gains.R, result.Gains.G, result.Gains.B,
            new CompositeFrame(result.Scale, result.SourceLeft, result.SourceTop, result.CanvasLeft, result.CanvasTop));
    }
}
