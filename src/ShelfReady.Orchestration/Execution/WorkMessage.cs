namespace ShelfReady.Orchestration.Execution;

/// <summary>
/// Something that happened to an instance and that its next episode consumes. Activity results and fired timers
/// are durable through their work-item and timer rows, everything else through an inbox row (<see cref="InboxId"/>).
/// </summary>
internal sealed record WorkMessage(string InstanceId, MessageKind Kind, int TaskId, string? Name, string? Payload, DateTime Timestamp)
{
    public long InboxId { get; init; }
}
