namespace ShelfReady.Review.Email;

/// <summary>How review mail leaves the host.</summary>
public enum MailTransport
{
    /// <summary>Written as <c>.eml</c> files to an outbox folder (the embedded default).</summary>
    Outbox,

    /// <summary>Sent through an SMTP server.</summary>
    Smtp,
}
