namespace ShelfReady.Orchestration.Execution;

/// <summary>A command the workflow code issued; new ones are committed at the end of the episode.</summary>
internal sealed record ScheduledAction(ActionKind Kind, int TaskId, string Name, string? Input, DateTime? FireAt, string? ChildInstanceId)
{
    public string Describe() => Kind switch
    {
        ActionKind.Activity => $"activity '{Name}'",
        ActionKind.Timer => $"a timer firing at {FireAt:O}",
        _ => $"sub-workflow '{Name}'",
    };
}
