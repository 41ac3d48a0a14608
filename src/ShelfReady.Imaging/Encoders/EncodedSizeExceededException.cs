namespace ShelfReady.Imaging.Encoders;

/// <summary>Even the lowest allowed quality does not fit the byte limit.</summary>
public sealed class EncodedSizeExceededException : Exception
{
    /// <summary>Creates the error with the numbers that explain it.</summary>
    /// <param name="maxBytes">The limit.</param>
    /// <param name="floorQuality">The lowest quality tried.</param>
    /// <param name="smallestBytes">The size at that quality.</param>
    public EncodedSizeExceededException(long maxBytes, int floorQuality, long smallestBytes)
        : base($"The image does not fit {maxBytes} bytes: at the floor quality {floorQuality} it takes {smallestBytes} bytes.")
    {
        MaxBytes = maxBytes;
        FloorQuality = floorQuality;
        SmallestBytes = smallestBytes;
    }

    /// <summary>Creates the error with a message only.</summary>
    public EncodedSizeExceededException()
    {
    }

    /// <summary>Creates the error with a message.</summary>
    public EncodedSizeExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and cause.</summary>
    public EncodedSizeExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The byte limit.</summary>
    public long MaxBytes { get; }

    /// <summary>The lowest quality tried.</summary>
    public int FloorQuality { get; }

    /// <summary>The file size at the floor quality.</summary>
    public long SmallestBytes { get; }
}
