namespace ShelfReady.Imaging.Encoders;

/// <summary>Settings shared by every encoder. Derived records add the format's own.</summary>
public abstract record EncoderOptions
{
    /// <summary>The output format.</summary>
    public abstract OutputFormat Format { get; }

    /// <summary>Colour space and embedded profile; default sRGB with its profile.</summary>
    public EmbeddedProfile Profile { get; init; } = EmbeddedProfile.Srgb;

    /// <summary>Whether EXIF, XMP, IPTC and other metadata are dropped; default true (privacy, size).</summary>
    public bool StripMetadata { get; init; } = true;

    /// <summary>Output bits per sample, 8 or 16 (16 for PNG and TIFF only); default 8.</summary>
    public int BitDepth { get; init; } = 8;

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public virtual void Validate()
    {
        Require(Enum.IsDefined(Profile), nameof(Profile), "is not a known profile");
        Require(BitDepth is 8 or 16, nameof(BitDepth), "must be 8 or 16");
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting when the condition fails.</summary>
    protected void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, $"{GetType().Name}.{name} {message}.");
        }
    }
}
