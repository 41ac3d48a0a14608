using ShelfReady.Orchestration.Execution;

namespace ShelfReady.Orchestration.Dispatch;

/// <summary>Where the orchestration dispatcher hands work once a commit is durable.</summary>
internal sealed record DispatchTargets(
    Action<ActivityWorkItem> RunActivity,
    Action<TimerItem> StartTimer,
    Action<string> Finished,
    Action<Exception> Fault);
