namespace ShelfReady.Pipeline.Segmentation;

/// <summary>
/// The segmentation service answered but refused the request (bad key, unknown model, image refused): a
/// configuration or input problem that waiting will not fix, so no fallback hides it.
/// </summary>
public sealed class SegmentationRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SegmentationRejectedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SegmentationRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SegmentationRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
