namespace ShelfReady.Orchestration.Execution;

internal sealed record ActivityWorkItem(string InstanceId, int TaskId, string Name, string? Input);
