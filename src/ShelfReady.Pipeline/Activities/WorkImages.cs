using NetVips;
using ShelfReady.Imaging.Pixels;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Pipeline.Activities;

/// <summary>Reads and writes the pipeline's own intermediate images (masters, mattes, composites).</summary>
public static class WorkImages
{
    /// <summary>Decodes an intermediate fully into memory, failing on any damage.</summary>
    public static async Task<Image> ReadAsync(IBlobStore store, BlobPath path, CancellationToken cancellationToken)
    {
        var bytes = await store.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        return RawPixelFormat.IsRaw(bytes) ? RawPixelFormat.Decode(bytes) : Decode(bytes);
    }

    /// <summary>Decodes an encoded image (PNG, JPEG, …) fully into memory, failing on any damage.</summary>
    public static Image Decode(byte[] encoded)
    {
        using var lazy = Image.NewFromBuffer(encoded, access: Enums.Access.Random, failOn: Enums.FailOn.Error);
        return lazy.CopyMemory();
    }

    /// <summary>Writes a full-resolution master in the raw pixel format: read by every later step, so it must be cheap to read.</summary>
    public static Task<StoredBlob> WriteRawAsync(IBlobStore store, BlobPath path, Image image, CancellationToken cancellationToken) =>
        store.WriteAsync(path, RawPixelFormat.Encode(image), cancellationToken);

    /// <summary>
    /// Writes a matte or a reference composite as a lossless PNG at the fastest compression: intermediates
    /// live for one job and are read by the next step, so speed beats size.
    /// </summary>
    public static Task<StoredBlob> WritePngAsync(IBlobStore store, BlobPath path, Image image, CancellationToken cancellationToken) =>
        store.WriteAsync(path, image.PngsaveBuffer(compression: 1, keep: Enums.ForeignKeep.None), cancellationToken);
}
