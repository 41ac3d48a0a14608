namespace ShelfReady.Pipeline.Profiles;

/// <summary>The colour space an output is converted to and tagged with.</summary>
public enum OutputColorProfile
{
    /// <summary>sRGB IEC 61966-2.1, the web's colour space.</summary>
    Srgb,

    /// <summary>Adobe RGB (1998), for print.</summary>
    AdobeRgb,
}
