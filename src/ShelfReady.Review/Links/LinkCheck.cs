namespace ShelfReady.Review.Links;

/// <summary>The answer of verifying a link: what it grants, or why it was refused.</summary>
/// <typeparam name="T">The link's content.</typeparam>
/// <param name="Link">The verified content; null when refused.</param>
/// <param name="Failure">Why it was refused, or <see cref="LinkFailure.None"/>.</param>
public sealed record LinkCheck<T>(T? Link, LinkFailure Failure)
    where T : class;
