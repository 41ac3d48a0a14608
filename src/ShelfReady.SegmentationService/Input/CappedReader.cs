using System.Buffers;
using System.Globalization;

namespace ShelfReady.SegmentationService.Input;

/// <summary>Reads a whole stream into memory, refusing with 413 as soon as it passes the byte cap.</summary>
internal static class CappedReader
{
    private const int ChunkSize = 81_920;

    public static async Task<byte[]> ReadAsync(Stream stream, long? declaredLength, long maxBytes, string what, CancellationToken cancellationToken)
    {
        if (declaredLength > maxBytes)
        {
            throw TooLarge(string.Create(CultureInfo.InvariantCulture, $"The {what} is {declaredLength} bytes, over the {maxBytes}-byte limit."));
        }

        using var buffer = new MemoryStream(declaredLength is { } length ? (int)length : ChunkSize);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw TooLarge(string.Create(CultureInfo.InvariantCulture, $"The {what} is over the {maxBytes}-byte limit."));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static InputRejectedException TooLarge(string message) => new(StatusCodes.Status413PayloadTooLarge, message);
}
