namespace ShelfReady.Orchestration.Execution;

/// <summary>Everything one episode changes, written in one transaction together with the rest of its batch.</summary>
internal sealed class EpisodeCommit(string instanceId, IReadOnlyList<WorkMessage> consumed)
{
    public string InstanceId { get; } = instanceId;

    /// <summary>Gets the messages whose durable sources (work item, timer or inbox row) the commit deletes.</summary>
    public IReadOnlyList<WorkMessage> Consumed { get; } = consumed;

    public List<HistoryEvent> History { get; } = [];

    public List<ActivityWorkItem> Activities { get; } = [];

    public List<TimerItem> Timers { get; } = [];

    public List<ChildStart> Children { get; } = [];

    /// <summary>Gets messages to other instances (a parent's sub-workflow result); stored in the inbox.</summary>
    public List<WorkMessage> Outgoing { get; } = [];

    /// <summary>Gets the inbox messages the commit created, with their ids, to dispatch once it is durable.</summary>
    public List<WorkMessage> Posted { get; } = [];

    public InstanceUpdate? Update { get; set; }

    /// <summary>Gets or sets a value indicating whether the instance finished, so its leftover work items and timers go.</summary>
    public bool Terminal { get; set; }
}
