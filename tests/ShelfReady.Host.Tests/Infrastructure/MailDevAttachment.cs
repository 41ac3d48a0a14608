namespace ShelfReady.Host.Tests.Infrastructure;

/// <summary>An attachment or inline part as MailDev reports it.</summary>
public sealed record MailDevAttachment(string? ContentType, string? FileName, string? ContentId);
