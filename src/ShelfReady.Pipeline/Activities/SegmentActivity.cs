using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>Cuts the product out of the master with the strategy's segmenter and stores the matte.</summary>
public sealed class SegmentActivity(IBlobStore store, ISegmenter segmenter) : Activity<SegmentInput, SegmentOutput>
{
    /// <inheritdoc />
    public override async Task<SegmentOutput> RunAsync(ActivityContext context, SegmentInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        using var master = await WorkImages.ReadAsync(store, input.Master, context.CancellationToken).ConfigureAwait(false);
        using var matte = await segmenter.SegmentAsync(master, new SegmentationRequest(input.JobId, input.Strategy, input.Complexity), context.CancellationToken).ConfigureAwait(false);
        var path = WorkPaths.Mask(input.JobId, input.Attempt);
        await WorkImages.WritePngAsync(store, path, matte.Matte, context.CancellationToken).ConfigureAwait(false);
        return new SegmentOutput(path, input.Strategy, matte.Segmenter);
    }
}
