namespace ShelfReady.Host.Batches;

/// <summary>Where one image of a run stands.</summary>
public enum ImageRunState
{
    /// <summary>Still being processed.</summary>
    Running,

    /// <summary>Exports written and verified.</summary>
    Exported,

    /// <summary>Waiting for a reviewer's decision.</summary>
    AwaitingReview,

    /// <summary>Refused at ingest and quarantined.</summary>
    Rejected,

    /// <summary>A reviewer rejected it, or review timed out.</summary>
    NotApproved,

    /// <summary>A step failed after its retries.</summary>
    Failed,
}
