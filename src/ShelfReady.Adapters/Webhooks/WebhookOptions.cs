using System.ComponentModel.DataAnnotations;

namespace ShelfReady.Adapters.Webhooks;

/// <summary>How the host delivers webhooks (configuration section "Webhooks").</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Webhooks";

    /// <summary>Signing secrets by name ("whsec_…"); merchant settings refer to one by name, never hold it.</summary>
    public IDictionary<string, string> Secrets { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Per-attempt timeout. Standard Webhooks suggests 15–30 s. Default 20 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}
