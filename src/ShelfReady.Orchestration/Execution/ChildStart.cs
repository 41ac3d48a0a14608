namespace ShelfReady.Orchestration.Execution;

internal sealed record ChildStart(string InstanceId, string Name, string? Input, string ParentInstanceId, int ParentTaskId, DateTime CreatedAt);
