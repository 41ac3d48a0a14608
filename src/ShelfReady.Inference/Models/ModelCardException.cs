namespace ShelfReady.Inference.Models;

/// <summary>A model card that cannot be read or is invalid; the message names the card file and every problem.</summary>
public sealed class ModelCardException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelCardException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ModelCardException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ModelCardException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
