namespace ShelfReady.Review.Links;

/// <summary>Why a link was refused.</summary>
public enum LinkFailure
{
    /// <summary>The link verified.</summary>
    None,

    /// <summary>Not a link this service writes (cut short, or altered beyond parsing).</summary>
    Malformed,

    /// <summary>Signed with a key this service no longer holds.</summary>
    UnknownKey,

    /// <summary>The signature does not match: the link was changed.</summary>
    Tampered,

    /// <summary>The link is past its expiry.</summary>
    Expired,
}
