namespace ShelfReady.Pipeline.Profiles;

/// <summary>What a platform accepts behind the product.</summary>
public enum BackgroundRule
{
    /// <summary>Exactly RGB 255,255,255 everywhere outside the product.</summary>
    PureWhite,

    /// <summary>White or a light grey.</summary>
    WhiteOrLightGrey,

    /// <summary>Anything; lifestyle and context shots.</summary>
    Any,

    /// <summary>Fully transparent: the cut-out itself, its matte as alpha, for designers.</summary>
    Transparent,
}
