using System.Text.Json;
using ShelfReady.Pipeline.Quality;

namespace ShelfReady.Pipeline.Settings;

/// <summary>
/// One merchant's settings, read from <c>config/{merchant}/settings.json</c>; every field has a default so a
/// merchant with no file gets the standard behaviour. A workflow takes one snapshot at its start, so a
/// settings change never alters an image half-way through.
/// </summary>
public sealed record MerchantSettings
{
    /// <summary>Platform profiles to export, by name.</summary>
    public IReadOnlyList<string> Platforms { get; init; } = ["amazon_main", "shopify", "google_shopping", "print_catalog"];

    /// <summary>Per-platform overrides merged over the built-in profiles, e.g. <c>{"amazon_main": {"longSide": 3000}}</c>.</summary>
    public JsonElement? PlatformOverrides { get; init; }

    /// <summary>QC thresholds.</summary>
    public QcThresholds Thresholds { get; init; } = QcThresholds.Default;

    /// <summary>
    /// Regular expressions tried in order against the upload's path below the batch folder; named groups
    /// (asin, sku, variant, index, category) become naming values and the category.
    /// </summary>
    public IReadOnlyList<string> FileNameRules { get; init; } =
        [@"^(?<asin>B0[0-9A-Z]{8})(?:[._-](?<variant>MAIN|PT0[1-8]))?\.[A-Za-z0-9]+$", @"^(?:(?<category>[a-z_]+)/)?(?<sku>[A-Za-z0-9][A-Za-z0-9_-]*)\.[A-Za-z0-9]+$"];

    /// <summary>People who review routed images.</summary>
    public IReadOnlyList<string> Reviewers { get; init; } = [];

    /// <summary>Who is told at the second deadline, beside the reviewers.</summary>
    public IReadOnlyList<string> EscalationReviewers { get; init; } = [];

    /// <summary>What happens when nobody decided by the third deadline: "reject" (nothing exported) or "wait" (keep waiting).</summary>
    public string ReviewTimeoutOutcome { get; init; } = ReviewTimeoutOutcomes.Reject;

    /// <summary>How long a review may take before a reminder is sent; the same again before it escalates, and again before the timeout outcome.</summary>
    public TimeSpan ReviewReminderAfter { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The merchant's webhook endpoint, or null for none.</summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>Name of the secret (in the host's secret store) that signs webhooks.</summary>
    public string? WebhookSecretName { get; init; }

    /// <summary>Whether webhooks may target private or loopback addresses (off: SSRF protection).</summary>
    public bool AllowPrivateWebhookTargets { get; init; }

    /// <summary>The defaults.</summary>
    public static MerchantSettings Default { get; } = new();

    /// <summary>Throws with a clear message when a setting is unusable.</summary>
    public void Validate()
    {
        Thresholds.Validate();
        if (Platforms.Count == 0)
        {
            throw new InvalidOperationException("Merchant settings list no platforms to export.");
        }

        if (ReviewReminderAfter <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("reviewReminderAfter must be positive.");
        }

        if (ReviewTimeoutOutcome is not (ReviewTimeoutOutcomes.Reject or ReviewTimeoutOutcomes.Wait))
        {
            throw new InvalidOperationException($"reviewTimeoutOutcome must be \"{ReviewTimeoutOutcomes.Reject}\" or \"{ReviewTimeoutOutcomes.Wait}\", not \"{ReviewTimeoutOutcome}\".");
        }

        foreach (var rule in FileNameRules)
        {
            _ = new System.Text.RegularExpressions.Regex(rule, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        }
    }
}
