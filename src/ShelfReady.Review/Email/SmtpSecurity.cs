namespace ShelfReady.Review.Email;

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection (a local relay or a test server only).</summary>
    None,

    /// <summary>Upgrade with STARTTLS (port 587), required.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    ImplicitTls,
}
