using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Review;

/// <summary>Who may decide a request: its listed reviewers, or the configured fallback reviewer when the merchant lists none.</summary>
public static class ReviewerRules
{
    /// <summary>The people a request goes to.</summary>
    public static IReadOnlyList<string> Recipients(ReviewRequestInput request, ReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        return request.Reviewers.Count > 0 ? request.Reviewers : [options.FallbackReviewer];
    }

    /// <summary>Whether the reviewer a link names may decide the request.</summary>
    public static bool IsReviewer(ReviewRequestInput request, string reviewer, ReviewOptions options) =>
        Recipients(request, options).Contains(reviewer, StringComparer.OrdinalIgnoreCase);
}
