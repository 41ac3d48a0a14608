namespace ShelfReady.Orchestration;

/// <summary>An external event that has been raised to an instance and that no wait has received yet.</summary>
/// <param name="Name">The event name.</param>
/// <param name="SerializedPayload">The payload as JSON, or <see langword="null"/>.</param>
/// <param name="ReceivedAt">When the event was raised, in UTC.</param>
public sealed record PendingEvent(string Name, string? SerializedPayload, DateTime ReceivedAt);
