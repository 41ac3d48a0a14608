using System.ComponentModel.DataAnnotations;

namespace ShelfReady.Review.Email;

/// <summary>The <c>Review:Email</c> section: the outbox folder, or the SMTP server, and the sender.</summary>
public sealed class ReviewEmailOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Review:Email";

    /// <summary>Outbox (default) or Smtp.</summary>
    public MailTransport Transport { get; set; } = MailTransport.Outbox;

    /// <summary>Where <c>.eml</c> files go with the outbox transport.</summary>
    public string OutboxFolder { get; set; } = ".shelfready/outbox";

    /// <summary>The SMTP server's host name.</summary>
    public string? SmtpHost { get; set; }

    /// <summary>The SMTP server's port.</summary>
    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary>How the connection is protected.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>SMTP user name; no authentication when empty.</summary>
    public string? Username { get; set; }

    /// <summary>SMTP password (from a secret store).</summary>
    public string? Password { get; set; }

    /// <summary>The sender address.</summary>
    [Required]
    public string From { get; set; } = "ShelfReady <review@shelfready.local>";

    /// <summary>Where replies go, if not to the sender.</summary>
    public string? ReplyTo { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Transport == MailTransport.Smtp && string.IsNullOrWhiteSpace(SmtpHost))
        {
            yield return new ValidationResult("Review:Email:SmtpHost is required when Review:Email:Transport is Smtp.");
        }

        if (!MimeKit.MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult($"Review:Email:From '{From}' is not an email address.");
        }
    }
}
