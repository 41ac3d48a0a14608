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

        if (declaredLength is { } length)
        {
            return await ReadDeclaredAsync(stream, length, what, cancellationToken).ConfigureAwait(false);
        }

        using var buffer = new MemoryStream(ChunkSize);
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

    // A declared length (already within the cap) is read straight into an array of that size: no growth, no copy.
    private static async Task<byte[]> ReadDeclaredAsync(Stream stream, long length, string what, CancellationToken cancellationToken)
    {
        var data = new byte[length];
        try
        {
            await stream.ReadExactlyAsync(data, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException)
        {
            throw new InputRejectedException(StatusCodes.Status400BadRequest, string.Create(CultureInfo.InvariantCulture, $"The {what} ended before its declared {length} bytes."));
        }

        return data;
    }

    private static InputRejectedException TooLarge(string message) => new(StatusCodes.Status413PayloadTooLarge, message);
}
