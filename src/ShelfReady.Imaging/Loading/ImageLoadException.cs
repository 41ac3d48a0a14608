namespace ShelfReady.Imaging.Loading;

/// <summary>An input that cannot be loaded, with a reason a person can act on.</summary>
public sealed class ImageLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">The kind of failure.</param>
    /// <param name="message">A sentence for the person who supplied the file.</param>
    /// <param name="innerException">The decoder's own failure, when there is one.</param>
    public ImageLoadException(ImageLoadError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates an exception of kind <see cref="ImageLoadError.Corrupt"/>.</summary>
    public ImageLoadException()
        : this(ImageLoadError.Corrupt, "The image could not be loaded.")
    {
    }

    /// <summary>Creates an exception of kind <see cref="ImageLoadError.Corrupt"/>.</summary>
    /// <param name="message">A sentence for the person who supplied the file.</param>
    public ImageLoadException(string message)
        : this(ImageLoadError.Corrupt, message)
    {
    }

    /// <summary>Creates an exception of kind <see cref="ImageLoadError.Corrupt"/>.</summary>
    /// <param name="message">A sentence for the person who supplied the file.</param>
    /// <param name="innerException">The decoder's own failure.</param>
    public ImageLoadException(string message, Exception innerException)
        : this(ImageLoadError.Corrupt, message, innerException)
    {
    }

    /// <summary>The kind of failure, for routing (quarantine reason codes, webhooks).</summary>
    public ImageLoadError Error { get; }
}
