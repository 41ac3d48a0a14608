namespace ShelfReady.Pipeline.Activities;

/// <summary>A written export that, opened again, is not what its platform requires; it is not published.</summary>
public sealed class ExportVerificationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExportVerificationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ExportVerificationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ExportVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
