namespace ShelfReady.Pipeline.Ports;

/// <summary>What one delivery attempt achieved.</summary>
public enum WebhookAttemptStatus
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>The merchant has no endpoint configured: nothing to send.</summary>
    NoEndpoint,

    /// <summary>The endpoint answered 410 Gone or is refused by policy: stop for good.</summary>
    Abandoned,

    /// <summary>A failure worth another attempt later.</summary>
    Retry,
}

/// <summary>The result of one delivery attempt.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Detail">The receiver's status line or the error, for the record.</param>
/// <param name="RetryAfterSeconds">The receiver's Retry-After, honoured when it is longer than the schedule's delay.</param>
public sealed record WebhookAttempt(WebhookAttemptStatus Status, string? Detail = null, double? RetryAfterSeconds = null);
