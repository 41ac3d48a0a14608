using Microsoft.Extensions.Options;
using NetVips;
using ShelfReady.Imaging.Loading;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Review.Decisions;

namespace ShelfReady.Review.Images;

/// <summary>
/// Turns a reviewer's upload into a matte: a PNG with alpha gives its alpha, an image without one is read as
/// a mask (white = product). It goes through the same safe loader as any upload, capped in bytes and pixels,
/// and must have the master's shape; it is scaled to the master's size.
/// </summary>
public sealed class CorrectedCutouts(IBlobStore store, IOptions<ReviewOptions> options)
{
    private readonly ImageLoader loader = new(new ImageLoadOptions { MaxBytes = options.Value.MaxUploadBytes, MaxPixels = options.Value.MaxUploadPixels, MinLongSide = 16 });

    /// <summary>Writes the corrected matte for the attempt and returns its path.</summary>
    /// <exception cref="ImageLoadException">The upload is refused; the message says why in a sentence.</exception>
    public async Task<BlobPath> StoreAsync(byte[] upload, BlobPath master, string jobId, int attempt, CancellationToken cancellationToken)
    {
        using var source = await WorkImages.ReadAsync(store, master, cancellationToken).ConfigureAwait(false);
        using var loaded = loader.Load(upload);
        var sourceAspect = (double)source.Width / source.Height;
        var uploadAspect = (double)loaded.Width / loaded.Height;
        if (Math.Abs(sourceAspect - uploadAspect) > sourceAspect * 0.01)
        {
            throw new ImageLoadException(ImageLoadError.TooSmall, $"The corrected cut-out is {loaded.Width}×{loaded.Height}, but the photo is {source.Width}×{source.Height}: upload it at the photo's shape.");
        }

        using var grey = loaded.Alpha is { } alpha ? alpha.Copy() : loaded.Rgb.Colourspace(Enums.Interpretation.Bw).ExtractBand(0);
        using var sized = grey.Resize((double)source.Width / grey.Width, vscale: (double)source.Height / grey.Height);
        using var mask = sized.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Bw);
        var path = ReviewPaths.CorrectedMask(jobId, attempt);
        await WorkImages.WritePngAsync(store, path, mask, cancellationToken).ConfigureAwait(false);
        return path;
    }
}
