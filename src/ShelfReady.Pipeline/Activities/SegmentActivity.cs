using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>Cuts the product out of the master with the strategy's segmenter and stores the matte.</summary>
public sealed class SegmentActivity(IBlobStore store, ISegmenterProvider segmenters) : Activity<SegmentInput, SegmentOutput>
{
    /// <inheritdoc />
    public override async Task<SegmentOutput> RunAsync(ActivityContext context, SegmentInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var (segmenter, name) = segmenters.ForStrategy(input.Strategy);
        using var master = await WorkImages.ReadAsync(store, input.Master, context.CancellationToken).ConfigureAwait(false);
        using var matte = segmenter.Segment(master, context.CancellationToken);
        var path = WorkPaths.Mask(input.JobId, input.Attempt);
        await WorkImages.WritePngAsync(store, path, matte, context.CancellationToken).ConfigureAwait(false);
        return new SegmentOutput(path, input.Strategy, name);
    }
}
