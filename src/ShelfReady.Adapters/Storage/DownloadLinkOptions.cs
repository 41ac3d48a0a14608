using System.ComponentModel.DataAnnotations;

namespace ShelfReady.Adapters.Storage;

/// <summary>The <c>Downloads</c> section: how long the links in webhooks and delivery manifests stay open, and where <c>serve</c> answers them.</summary>
public sealed class DownloadLinkOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Downloads";

    /// <summary>
    /// How long a link stays valid. Default 3 days; at most 6, because a user-delegation key lasts 7 days at most
    /// and one key should sign links for a day before it is renewed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "6.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// On one machine with folder storage: the address merchants reach <c>serve</c> at. Unset, no links are given
    /// (a loopback address would be useless to a merchant) and messages carry storage paths only.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
