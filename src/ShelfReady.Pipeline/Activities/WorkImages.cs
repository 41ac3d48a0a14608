using NetVips;
using ShelfReady.Imaging.Encoders;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Pipeline.Activities;

/// <summary>Reads and writes the pipeline's own intermediate images (masters, mattes, composites).</summary>
internal static class WorkImages
{
    // Intermediates are written for speed, not size: they live for one job and are read by the next step.
    private static readonly PngOptions FastPng = new() { CompressionLevel = 1, Profile = EmbeddedProfile.None };

    /// <summary>Decodes an intermediate fully into memory, failing on any damage.</summary>
    public static async Task<Image> ReadAsync(IBlobStore store, BlobPath path, CancellationToken cancellationToken)
    {
        var bytes = await store.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        using var lazy = Image.NewFromBuffer(bytes, access: Enums.Access.Random, failOn: Enums.FailOn.Error);
        return lazy.CopyMemory();
    }

    /// <summary>Writes a matte or a reference composite as a fast lossless PNG.</summary>
    public static Task<StoredBlob> WritePngAsync(IBlobStore store, BlobPath path, Image image, CancellationToken cancellationToken) =>
        store.WriteAsync(path, ImageEncoder.Encode(image, FastPng).Bytes, cancellationToken);
}
