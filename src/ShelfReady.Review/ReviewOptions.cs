using System.ComponentModel.DataAnnotations;

namespace ShelfReady.Review;

/// <summary>
/// The <c>Review</c> section: where review pages are reached, the keys that sign their links, and the caps on
/// what a reviewer may upload. Keys are base64 of at least 32 bytes, named by id so a new key can sign while
/// links signed with the old one still open until they expire.
/// </summary>
public sealed class ReviewOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Review";

    /// <summary>The base URL links in emails point at; null means the host's own listening address.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Signing keys by id (base64, ≥ 32 bytes each), from configuration or Key Vault.</summary>
    public Dictionary<string, string> SigningKeys { get; set; } = [];

    /// <summary>The key id that signs new links; must be one of <see cref="SigningKeys"/>.</summary>
    public string? ActiveKeyId { get; set; }

    /// <summary>Who reviews for a merchant whose settings list no reviewers.</summary>
    [Required]
    public string FallbackReviewer { get; set; } = "reviewer@localhost";

    /// <summary>How long an emailed link stays valid.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The largest corrected cut-out a reviewer may upload, in bytes.</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>The most pixels a corrected cut-out may have.</summary>
    [Range(1, 1_000_000_000)]
    public long MaxUploadPixels { get; set; } = 100_000_000;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LinkLifetime <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Review:LinkLifetime must be positive.");
        }

        if (ActiveKeyId is null || !SigningKeys.ContainsKey(ActiveKeyId))
        {
            yield return new ValidationResult("Review:ActiveKeyId must name one of Review:SigningKeys.");
        }

        var buffer = new byte[256];
        foreach (var (id, key) in SigningKeys)
        {
            if (!Convert.TryFromBase64String(key, buffer, out var length) || length < 32)
            {
                yield return new ValidationResult($"Review:SigningKeys:{id} must be base64 of 32 to 256 bytes.");
            }
        }
    }
}
