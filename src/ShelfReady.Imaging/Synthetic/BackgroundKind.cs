namespace ShelfReady.Imaging.Synthetic;

/// <summary>The studio backdrop a synthetic shot is rendered on.</summary>
public enum BackgroundKind
{
    /// <summary>Near-pure white sweep (247–255).</summary>
    White,

    /// <summary>Warm off-white paper.</summary>
    OffWhite,

    /// <summary>Neutral light grey (205–232).</summary>
    LightGrey,

    /// <summary>Light tone fading linearly to another across the frame.</summary>
    LinearGradient,

    /// <summary>Bright spot (key light) falling off towards the edges.</summary>
    RadialGradient,

    /// <summary>Uniform tone with lens vignetting in the corners.</summary>
    Vignette,
}
