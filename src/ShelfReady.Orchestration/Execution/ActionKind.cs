namespace ShelfReady.Orchestration.Execution;

internal enum ActionKind
{
    Activity,
    Timer,
    SubWorkflow,
}
