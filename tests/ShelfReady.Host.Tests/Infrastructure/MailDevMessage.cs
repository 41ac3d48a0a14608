namespace ShelfReady.Host.Tests.Infrastructure;

/// <summary>One message as MailDev's REST API returns it (the fields the tests read).</summary>
public sealed record MailDevMessage(string Id, DateTimeOffset Time, string Subject, string? Text, string? Html, IReadOnlyList<MailDevAddress> To, IReadOnlyList<MailDevAttachment>? Attachments)
{
    /// <summary>True when the message was sent to <paramref name="address"/>.</summary>
    public bool IsTo(string address) => To.Any(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase));
}
