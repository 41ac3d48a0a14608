namespace ShelfReady.Imaging.Encoders;

/// <summary>The colour space an export is written in, and the ICC profile embedded to say so.</summary>
public enum EmbeddedProfile
{
    /// <summary>sRGB pixels, no profile (viewers assume sRGB; saves a few hundred bytes).</summary>
    None,

    /// <summary>sRGB pixels with libvips's built-in sRGB profile.</summary>
    Srgb,

    /// <summary>Pixels converted to Adobe RGB (1998), with the project's own profile embedded.</summary>
    AdobeRgb1998,
}
