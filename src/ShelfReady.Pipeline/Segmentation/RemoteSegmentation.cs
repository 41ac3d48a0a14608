using Microsoft.Extensions.Logging;
using NetVips;
using ShelfReady.Inference.Segmentation;
using ShelfReady.Pipeline.Activities;
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
        var name = $"service:{answer.Model} ({answer.Provider})";
        var mask = DecodeMask(answer.Png, width, height);
        if (width == master.Width && height == master.Height)
        {
            return new SegmentedMatte(mask, name);
        }

        using (mask)
        {
            return new SegmentedMatte(MaskRefiner.Refine(mask, master), name);
        }
    }

    private (byte[] Jpeg, int Width, int Height) EncodeUpload(Image master)
    {
        using var copy = master.ThumbnailImage(options.UploadLongSide, height: options.UploadLongSide, size: Enums.Size.Down);
        return (copy.JpegsaveBuffer(q: options.UploadQuality, keep: Enums.ForeignKeep.None), copy.Width, copy.Height);
    }

    // The service answers a 1-band 8-bit PNG at the size it was sent; anything else is a broken contract.
    private static Image DecodeMask(byte[] png, int width, int height)
    {
        Image mask;
        try
        {
            mask = WorkImages.Decode(png);
        }
        catch (VipsException e)
        {
            throw new SegmentationRejectedException("The segmentation service's mask could not be decoded: " + e.Message, e);
        }

        if (mask.Width != width || mask.Height != height || mask.Bands != 1 || mask.Format != Enums.BandFormat.Uchar)
        {
            var shape = $"{mask.Width}×{mask.Height}, {mask.Bands} band(s) of {mask.Format}";
            mask.Dispose();
            throw new SegmentationRejectedException($"The segmentation service answered a {shape} mask for a {width}×{height} image; expected one band of uchar at that size.");
        }

        return mask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Complexity}) cut out by the classical segmenter: {Reason}")]
    private static partial void LogFallback(ILogger logger, string jobId, string complexity, string reason);
}
