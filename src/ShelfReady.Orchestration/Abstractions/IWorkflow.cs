namespace ShelfReady.Orchestration;

/// <summary>A workflow (orchestrator) in untyped form, as the engine invokes it.</summary>
public interface IWorkflow
{
    /// <summary>Gets the type the instance input is deserialised to.</summary>
    Type InputType { get; }

    /// <summary>Runs the workflow.</summary>
    /// <param name="context">The workflow context.</param>
    /// <param name="input">The deserialised input.</param>
    /// <returns>The workflow output.</returns>
    Task<object?> RunAsync(WorkflowContext context, object? input);
}
