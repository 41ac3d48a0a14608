namespace ShelfReady.Orchestration.Execution;

internal sealed record TimerItem(string InstanceId, int TaskId, DateTime FireAt);
