namespace ShelfReady.Pipeline.Workflows;

/// <summary>What a workflow shows as its custom status while it waits for storage to come back.</summary>
/// <param name="Activity">The step that is waiting.</param>
/// <param name="Reason">Why storage is unusable, in the store's own words (a full disk, an unreachable account).</param>
/// <param name="Since">When the wait began (UTC).</param>
public sealed record StorageOutageStatus(string Activity, string Reason, DateTime Since)
{
    /// <summary>The stage name status readers see, beside the stages of <see cref="ImageProgress"/>.</summary>
    public string Stage { get; } = "waiting-for-storage";
}
