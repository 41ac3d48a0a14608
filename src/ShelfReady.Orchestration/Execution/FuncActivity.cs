namespace ShelfReady.Orchestration.Execution;

internal sealed class FuncActivity<TInput, TOutput>(Func<ActivityContext, TInput, Task<TOutput>> run) : Activity<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(ActivityContext context, TInput input) => run(context, input);
}
