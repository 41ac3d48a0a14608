namespace ShelfReady.Pipeline.Segmentation;

/// <summary>
/// The segmentation service could not be reached or kept failing, and no fallback was allowed for the
/// product; the activity's durable retries try again later.
/// </summary>
public sealed class SegmentationUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SegmentationUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SegmentationUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SegmentationUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
