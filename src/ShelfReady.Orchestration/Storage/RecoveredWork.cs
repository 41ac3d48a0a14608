using ShelfReady.Orchestration.Execution;

namespace ShelfReady.Orchestration.Storage;

/// <summary>The work a previous process left unfinished: unprocessed inbox messages, activities not yet reported, timers not yet fired.</summary>
internal sealed record RecoveredWork(List<WorkMessage> Inbox, List<ActivityWorkItem> Activities, List<TimerItem> Timers);
