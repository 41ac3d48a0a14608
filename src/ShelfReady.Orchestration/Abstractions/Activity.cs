namespace ShelfReady.Orchestration;

/// <summary>
/// Base class for a typed activity, the counterpart of Durable Task's <c>TaskActivity&lt;TInput, TOutput&gt;</c>.
/// Activities run at least once: a re-run must overwrite its own output rather than duplicate it.
/// </summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class Activity<TInput, TOutput> : IActivity
{
    /// <inheritdoc />
    public Type InputType => typeof(TInput);

    /// <summary>Runs the activity.</summary>
    /// <param name="context">The activity context.</param>
    /// <param name="input">The input.</param>
    /// <returns>The result.</returns>
    public abstract Task<TOutput> RunAsync(ActivityContext context, TInput input);

    /// <inheritdoc />
    async Task<object?> IActivity.RunAsync(ActivityContext context, object? input) =>
        await RunAsync(context, input is TInput typed ? typed : default!).ConfigureAwait(false);
}
