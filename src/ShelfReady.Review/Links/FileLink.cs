namespace ShelfReady.Review.Links;

/// <summary>What a signed download link grants: reading one delivered file until it expires.</summary>
/// <param name="Container">The file's container.</param>
/// <param name="Name">The file's name in its container.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record FileLink(string Container, string Name, DateTimeOffset ExpiresAt);
