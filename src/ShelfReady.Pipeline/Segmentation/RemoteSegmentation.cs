using Microsoft.Extensions.Logging;
using NetVips;
using ShelfReady.Inference.Segmentation;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Segmentation;

/// <summary>
/// Cuts out on the segmentation service: sends a copy of at most <see cref="RemoteSegmentationOptions.UploadLongSide"/>
/// pixels, and refines the returned mask back to full resolution against the master here, so a 12 MP photo
/// crosses the network as about a megabyte and its edges still hold at 1:1. While the service is unavailable,
/// products the options allow are cut out by the classical segmenter instead, under a name that says so.
/// </summary>
public sealed partial class RemoteSegmentation(
    SegmentationServiceClient client,
    RemoteSegmentationOptions options,
    ClassicalSegmentation classical,
    ILogger<RemoteSegmentation> logger) : ISegmenter
{
    /// <inheritdoc />
    public async Task<SegmentedMatte> SegmentAsync(Image master, SegmentationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(master);
        ArgumentNullException.ThrowIfNull(request);
        var alternate = request.Strategy == SegmentationStrategies.Alternate;
        if (alternate && options.AlternateModel is null)
        {
            return classical.Segment(master, request.Strategy, cancellationToken);
        }

        try
        {
            return await SegmentRemotelyAsync(master, alternate ? options.AlternateModel : options.Model, request.JobId, cancellationToken).ConfigureAwait(false);
        }
        catch (SegmentationUnavailableException e) when (options.AllowsFallback(request.Complexity))
        {
            LogFallback(logger, request.JobId, request.Complexity.ToString(), e.Message);
            var fallback = classical.Segment(master, request.Strategy, cancellationToken);
            return fallback with { Segmenter = fallback.Segmenter + " (fallback: service unavailable)" };
        }
    }

    private async Task<SegmentedMatte> SegmentRemotelyAsync(Image master, string? model, string jobId, CancellationToken cancellationToken)
    {
        var (upload, width, height) = EncodeUpload(master);
        var answer = await client.SegmentAsync(upload, "image/jpeg", model, jobId, cancellationToken).ConfigureAwait(false);
        using var mask = DecodeMask(answer.Png, width, height);
        var matte = width == master.Width && height == master.Height
            ? mask.Copy()
            : MaskRefiner.Refine(mask, master);
        return new SegmentedMatte(matte, $"service:{answer.Model} ({answer.Provider})");
    }

    private (byte[] Jpeg, int Width, int Height) EncodeUpload(Image master)
    {
        using var copy = master.ThumbnailImage(options.UploadLongSide, height: options.UploadLongSide, size: Enums.Size.Down);
        return (copy.JpegsaveBuffer(q: options.UploadQuality, keep: Enums.ForeignKeep.None), copy.Width, copy.Height);
    }

    private static Image DecodeMask(byte[] png, int width, int height)
    {
        Image decoded;
        try
        {
            decoded = Image.NewFromBuffer(png, failOn: Enums.FailOn.Error);
        }
        catch (VipsException e)
        {
            throw new SegmentationRejectedException("The segmentation service's mask could not be decoded: " + e.Message, e);
        }

        using (decoded)
        {
            if (decoded.Width != width || decoded.Height != height)
            {
                throw new SegmentationRejectedException(
                    $"The segmentation service answered a {decoded.Width}×{decoded.Height} mask for a {width}×{height} image.");
            }

            using var band = decoded.Bands == 1 ? decoded.Copy() : decoded.ExtractBand(0);
            using var uchar = band.Format switch
            {
                Enums.BandFormat.Uchar => band.Copy(),
                Enums.BandFormat.Ushort => (band / 257).Cast(Enums.BandFormat.Uchar),
                _ => band.Cast(Enums.BandFormat.Uchar),
            };
            return uchar.CopyMemory();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Complexity}) cut out by the classical segmenter: {Reason}")]
    private static partial void LogFallback(ILogger logger, string jobId, string complexity, string reason);
}
