namespace ShelfReady.Orchestration;

/// <summary>
/// How often and how far apart a failed activity is retried, the counterpart of Durable Task's <c>RetryPolicy</c>.
/// The waits between attempts are durable timers, so they survive restarts.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Initializes a new instance of the <see cref="RetryPolicy"/> class.</summary>
    /// <param name="maxNumberOfAttempts">Total attempts including the first, at least 1.</param>
    /// <param name="firstRetryInterval">The wait after the first failure, positive.</param>
    /// <param name="backoffCoefficient">The factor each wait grows by, at least 1.</param>
    /// <param name="maxRetryInterval">The longest wait, at least <paramref name="firstRetryInterval"/>; one hour when omitted.</param>
    public RetryPolicy(int maxNumberOfAttempts, TimeSpan firstRetryInterval, double backoffCoefficient = 1.0, TimeSpan? maxRetryInterval = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        var maxInterval = maxRetryInterval ?? TimeSpan.FromHours(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInterval, firstRetryInterval, nameof(maxRetryInterval));

        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxInterval;
    }

    /// <summary>Gets the total number of attempts, including the first.</summary>
    public int MaxNumberOfAttempts { get; }

    /// <summary>Gets the wait after the first failure.</summary>
    public TimeSpan FirstRetryInterval { get; }

    /// <summary>Gets the factor each wait grows by.</summary>
    public double BackoffCoefficient { get; }

    /// <summary>Gets the longest wait between attempts.</summary>
    public TimeSpan MaxRetryInterval { get; }

    /// <summary>Computes the wait after the given number of failed attempts.</summary>
    /// <param name="failedAttempts">How many attempts have failed so far, at least 1.</param>
    /// <returns><see cref="FirstRetryInterval"/> × <see cref="BackoffCoefficient"/>^(failedAttempts − 1), capped at <see cref="MaxRetryInterval"/>.</returns>
    public TimeSpan GetRetryDelay(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var milliseconds = FirstRetryInterval.TotalMilliseconds * Math.Pow(BackoffCoefficient, failedAttempts - 1);
        return milliseconds >= MaxRetryInterval.TotalMilliseconds ? MaxRetryInterval : TimeSpan.FromMilliseconds(milliseconds);
    }
}
