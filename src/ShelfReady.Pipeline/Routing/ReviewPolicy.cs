using ShelfReady.Imaging;
using ShelfReady.Pipeline.Quality;

namespace ShelfReady.Pipeline.Routing;

/// <summary>Whether a scored cut-out needs a person before it ships.</summary>
public static class ReviewPolicy
{
    /// <summary>
    /// Complex products always; anything QC did not auto-approve; medium products unless the merchant allows
    /// medium auto-approval and QC found nothing at all.
    /// </summary>
    public static bool NeedsReview(RoutingDecision route, QcResult qc, QcThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(qc);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (route.Complexity == ProductComplexity.Complex || qc.Verdict != QcVerdict.AutoApprove)
        {
            return true;
        }

        return route.Complexity == ProductComplexity.Medium && !(thresholds.AutoApproveMedium && qc.Findings.Count == 0);
    }
}
