namespace ShelfReady.Host.Tests.Infrastructure;

/// <summary>A recipient as MailDev reports it.</summary>
public sealed record MailDevAddress(string Address, string? Name);
