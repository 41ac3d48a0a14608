namespace ShelfReady.SegmentationService.Input;

/// <summary>An input refused before decoding, with the HTTP status and a reason for the caller.</summary>
public sealed class InputRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status to answer with (400, 413, 502…).</param>
    /// <param name="message">A sentence for the caller.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public InputRejectedException(int statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>Creates a 400 with a generic message.</summary>
    public InputRejectedException()
        : this(400, "The input was refused.")
    {
    }

    /// <summary>Creates a 400 with <paramref name="message"/>.</summary>
    public InputRejectedException(string message)
        : this(400, message)
    {
    }

    /// <summary>Creates a 400 with <paramref name="message"/> and a cause.</summary>
    public InputRejectedException(string message, Exception innerException)
        : this(400, message, innerException)
    {
    }

    /// <summary>The HTTP status to answer with.</summary>
    public int StatusCode { get; }
}
