namespace ShelfReady.Pipeline.Workflows;

/// <summary>The decisions a reviewer can make.</summary>
public static class ReviewDecisions
{
    /// <summary>Ship it.</summary>
    public const string Approve = "approve";

    /// <summary>Do not ship it; a reason is required.</summary>
    public const string Reject = "reject";

    /// <summary>Cut it out again with the alternate strategy and ask again.</summary>
    public const string Redo = "redo";

    /// <summary>Use the reviewer's corrected cut-out (or mask) as a new attempt, scored and reviewed like any other.</summary>
    public const string Upload = "upload";
}
