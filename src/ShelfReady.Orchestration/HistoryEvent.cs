namespace ShelfReady.Orchestration;

/// <summary>One recorded event of a workflow instance; the history is what replay re-executes against.</summary>
/// <param name="Sequence">The event's position in the history, from 0.</param>
/// <param name="Type">What happened.</param>
/// <param name="TaskId">The task the event belongs to (activity, timer, sub-workflow), or -1.</param>
/// <param name="Name">The activity, workflow or event name, when there is one.</param>
/// <param name="SerializedPayload">The input, result, event payload or failure as JSON, when there is one.</param>
/// <param name="Timestamp">When the event was recorded, in UTC.</param>
/// <param name="FireAt">For <see cref="HistoryEventType.TimerCreated"/>, when the timer fires.</param>
/// <param name="ChildInstanceId">For <see cref="HistoryEventType.SubWorkflowScheduled"/>, the child's instance id.</param>
public sealed record HistoryEvent(
    long Sequence,
    HistoryEventType Type,
    int TaskId,
    string? Name,
    string? SerializedPayload,
    DateTime Timestamp,
    DateTime? FireAt = null,
    string? ChildInstanceId = null);
