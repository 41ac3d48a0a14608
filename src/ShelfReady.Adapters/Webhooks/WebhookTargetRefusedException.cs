namespace ShelfReady.Adapters.Webhooks;

/// <summary>A webhook target refused by the SSRF guard: retrying cannot help.</summary>
public sealed class WebhookTargetRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebhookTargetRefusedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public WebhookTargetRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public WebhookTargetRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
