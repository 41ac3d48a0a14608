using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Pipeline.Workflows;

/// <summary>
/// Rides out storage outages in workflow code: an activity that failed because the store is unusable (its
/// retries spent) is called again after a durable timer, for as long as <see cref="GiveUpAfter"/>, instead of
/// failing the image. While it waits the workflow's status says so and why; a restart meanwhile loses nothing.
/// </summary>
public static class StorageOutages
{
    private static readonly ActivityOptions SingleAttempt = new();

    /// <summary>The wait after the first failed call; it doubles up to <see cref="LongestWait"/>.</summary>
    public static TimeSpan FirstWait { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two calls.</summary>
    public static TimeSpan LongestWait { get; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an outage may last before the activity's failure stands.</summary>
    public static TimeSpan GiveUpAfter { get; } = TimeSpan.FromHours(24);

    /// <summary>Calls an activity, waiting out storage outages; other failures are retried by <paramref name="options"/>.</summary>
    /// <remarks>
    /// The retries are driven here rather than by the engine so that a storage outage is recognised on its first
    /// failed call and shown at once, instead of after the whole policy's backoff has been spent on it.
    /// </remarks>
    /// <param name="context">The workflow context.</param>
    /// <param name="name">The activity.</param>
    /// <param name="input">Its input.</param>
    /// <param name="options">Its retry policy for failures that are not storage outages.</param>
    /// <param name="resumeStatus">The custom status to show again once storage is back.</param>
    /// <typeparam name="TResult">The activity's output.</typeparam>
    /// <returns>The activity's output.</returns>
    public static async Task<TResult> CallActivityThroughOutagesAsync<TResult>(this WorkflowContext context, string name, object? input, ActivityOptions options, object? resumeStatus)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        DateTime? since = null;
        var outageWait = FirstWait;
        var failedAttempts = 0;
        while (true)
        {
            try
            {
                var result = await context.CallActivityAsync<TResult>(name, input, SingleAttempt);
                if (since is not null)
                {
                    context.SetCustomStatus(resumeStatus);
                }

                return result;
            }
            catch (WorkflowTaskFailedException ex) when (OutageReason(ex.FailureDetails) is { } reason && WithinBudget(context, since ??= context.CurrentUtcDateTime))
            {
                context.SetCustomStatus(new StorageOutageStatus(name, reason, since.Value));
                await context.CreateTimer(context.CurrentUtcDateTime + outageWait, CancellationToken.None);
                outageWait = outageWait * 2 < LongestWait ? outageWait * 2 : LongestWait;
            }
            catch (WorkflowTaskFailedException) when (options.Retry is { } retry && failedAttempts + 1 < retry.MaxNumberOfAttempts)
            {
                failedAttempts++;
                await context.CreateTimer(context.CurrentUtcDateTime + retry.GetRetryDelay(failedAttempts), CancellationToken.None);
            }
        }
    }

    private static bool WithinBudget(WorkflowContext context, DateTime since) => context.CurrentUtcDateTime - since < GiveUpAfter;

    private static string? OutageReason(FailureDetails? failure) =>
        failure is null ? null
        : failure.ErrorType == typeof(StorageUnavailableException).FullName ? failure.ErrorMessage
        : OutageReason(failure.InnerFailure);
}
