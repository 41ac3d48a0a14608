namespace ShelfReady.Orchestration;

/// <summary>Options for one activity call, the counterpart of Durable Task's <c>TaskOptions</c>.</summary>
public sealed class ActivityOptions
{
    /// <summary>Gets the retry policy, or <see langword="null"/> for a single attempt.</summary>
    public RetryPolicy? Retry { get; init; }

    /// <summary>Creates options that retry the activity by <paramref name="policy"/>.</summary>
    /// <param name="policy">The retry policy.</param>
    /// <returns>The options.</returns>
    public static ActivityOptions FromRetryPolicy(RetryPolicy policy) => new() { Retry = policy };
}
