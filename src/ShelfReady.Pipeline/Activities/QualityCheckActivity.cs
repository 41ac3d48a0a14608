using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Quality;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Reads an attempt's master, matte and reference composite, measures them with <see cref="QcMeasurer"/>
/// (the matte judged against the source photo, not against itself) and scores the result.
/// </summary>
public sealed class QualityCheckActivity(IBlobStore store) : Activity<QualityCheckInput, QcResult>
{
    /// <inheritdoc />
    public override async Task<QcResult> RunAsync(ActivityContext context, QualityCheckInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var token = context.CancellationToken;
        using var composite = await WorkImages.ReadAsync(store, input.Composite.Composite, token).ConfigureAwait(false);
        using var compositeMask = await WorkImages.ReadAsync(store, input.Composite.CompositeMask, token).ConfigureAwait(false);
        using var master = await WorkImages.ReadAsync(store, input.Master, token).ConfigureAwait(false);
        using var mask = await WorkImages.ReadAsync(store, input.Mask, token).ConfigureAwait(false);
        var gains = (input.Composite.GainR, input.Composite.GainG, input.Composite.GainB);
        var measured = QcMeasurer.Measure(master, mask, composite, compositeMask, gains, input.Composite.Fill, input.TargetFill);
        return QcScorer.Score(measured, input.Thresholds);
    }
}
