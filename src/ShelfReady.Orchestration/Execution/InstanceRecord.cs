namespace ShelfReady.Orchestration.Execution;

internal sealed record InstanceRecord(
    string InstanceId,
    string Name,
    WorkflowRuntimeStatus Status,
    string? SerializedInput,
    string? ParentInstanceId,
    int ParentTaskId);
