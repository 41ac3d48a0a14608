namespace ShelfReady.Orchestration;

/// <summary>Base class for a typed workflow, the counterpart of Durable Task's <c>TaskOrchestrator&lt;TInput, TOutput&gt;</c>.</summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class Workflow<TInput, TOutput> : IWorkflow
{
    /// <inheritdoc />
    public Type InputType => typeof(TInput);

    /// <summary>Runs the workflow.</summary>
    /// <param name="context">The workflow context.</param>
    /// <param name="input">The input.</param>
    /// <returns>The output.</returns>
    public abstract Task<TOutput> RunAsync(WorkflowContext context, TInput input);

    /// <inheritdoc />
    async Task<object?> IWorkflow.RunAsync(WorkflowContext context, object? input) =>
        await RunAsync(context, input is TInput typed ? typed : default!).ConfigureAwait(true);
}
