namespace ShelfReady.Pipeline.Settings;

/// <summary>What a review that nobody answered ends in.</summary>
public static class ReviewTimeoutOutcomes
{
    /// <summary>Give up: the image is not approved and nothing is exported.</summary>
    public const string Reject = "reject";

    /// <summary>Keep waiting for a decision, without further mail.</summary>
    public const string Wait = "wait";
}
