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
        var token = context.CancellationToken;
        using var master = await WorkImages.ReadAsync(store, input.Master, token).ConfigureAwait(false);
        using var matte = await WorkImages.ReadAsync(store, input.Mask, token).ConfigureAwait(false);
        var detector = detectors?.Detector;
        return ComplianceMeasurer.Measure(master, matte, detector, detectors is null ? "no text detector is configured" : detectors.Missing, token);
    }
}
