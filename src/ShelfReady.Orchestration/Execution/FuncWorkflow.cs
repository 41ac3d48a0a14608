namespace ShelfReady.Orchestration.Execution;

internal sealed class FuncWorkflow<TInput, TOutput>(Func<WorkflowContext, TInput, Task<TOutput>> run) : Workflow<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(WorkflowContext context, TInput input) => run(context, input);
}
