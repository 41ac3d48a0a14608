using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Compliance;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Measures what the photo shows for the platforms' content rules, once per image before the exports fan out:
/// text regions (with the detector when installed), border, cut edges, separate objects and the backdrop.
/// Each export then judges this evidence against its own profile.
/// </summary>
public sealed class CheckComplianceActivity(IBlobStore store, TextDetectorSource? detectors = null) : Activity<ComplianceInput, ComplianceEvidence>
{
    /// <inheritdoc />
    public override async Task<ComplianceEvidence> RunAsync(ActivityContext context, ComplianceInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return await MeasureAsync(store, detectors, input.Master, input.Mask, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>The evidence for a master and a matte; also what a review request shows the reviewer.</summary>
    internal static async Task<ComplianceEvidence> MeasureAsync(IBlobStore store, TextDetectorSource? detectors, BlobPath master, BlobPath mask, CancellationToken token)
    {
        using var source = await WorkImages.ReadAsync(store, master, token).ConfigureAwait(false);
        using var matte = await WorkImages.ReadAsync(store, mask, token).ConfigureAwait(false);
        return ComplianceMeasurer.Measure(source, matte, detectors?.Detector, detectors is null ? "no text detector is configured" : detectors.Missing, token);
    }
}
