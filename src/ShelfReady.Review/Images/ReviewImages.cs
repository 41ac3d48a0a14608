using NetVips;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Review.Images;

/// <summary>The pictures a review page and its email show, rendered from the attempt's intermediates.</summary>
public sealed class ReviewImages(IBlobStore store)
{
    private const int ThumbnailSide = 160;
    private const int SoftEdgeLow = 8;
    private const int SoftEdgeHigh = 247;

    /// <summary>The master as a JPEG, full resolution (the page scales it to fit).</summary>
    public async Task<byte[]> MasterJpegAsync(BlobPath master, CancellationToken cancellationToken)
    {
        using var image = await WorkImages.ReadAsync(store, master, cancellationToken).ConfigureAwait(false);
        return image.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.None);
    }

    /// <summary>The reference composite as stored (PNG).</summary>
    public Task<byte[]> CompositeAsync(ComposeOutput composite, CancellationToken cancellationToken) => store.ReadAsync(composite.Composite, cancellationToken);

    /// <summary>The current matte, for a reviewer to correct in an editor and upload.</summary>
    public Task<byte[]> MatteAsync(SegmentOutput segment, CancellationToken cancellationToken) => store.ReadAsync(segment.Mask, cancellationToken);

    /// <summary>A small JPEG of the composite, for emails and queues.</summary>
    public async Task<byte[]> ThumbnailAsync(ComposeOutput composite, CancellationToken cancellationToken)
    {
        var bytes = await store.ReadAsync(composite.Composite, cancellationToken).ConfigureAwait(false);
        using var thumb = Image.ThumbnailBuffer(bytes, ThumbnailSide, height: ThumbnailSide);
        return thumb.JpegsaveBuffer(q: 82, keep: Enums.ForeignKeep.None);
    }

    /// <summary>
    /// An overlay at the composite's size marking, in red, background pixels (outside the matte) that are not
    /// exactly RGB 255,255,255: what a marketplace's white check would catch.
    /// </summary>
    public async Task<byte[]> NonWhiteOverlayAsync(ComposeOutput composite, CancellationToken cancellationToken)
    {
        using var rgb = await WorkImages.ReadAsync(store, composite.Composite, cancellationToken).ConfigureAwait(false);
        using var matte = await WorkImages.ReadAsync(store, composite.CompositeMask, cancellationToken).ConfigureAwait(false);
        using var white = rgb.ExtractBand(0, n: 3).RelationalConst(Enums.OperationRelational.Equal, [255]).Bandbool(Enums.OperationBoolean.And);
        using var background = matte.ExtractBand(0).RelationalConst(Enums.OperationRelational.Less, [SoftEdgeLow]);
        using var flagged = background.Boolean(white.Invert(), Enums.OperationBoolean.And);
        return Paint(flagged, [255, 0, 40, 255]);
    }

    /// <summary>An overlay marking the matte's edge in cyan: its soft band and the boundary of its hard part.</summary>
    public async Task<byte[]> EdgeOverlayAsync(ComposeOutput composite, CancellationToken cancellationToken)
    {
        using var matte = await WorkImages.ReadAsync(store, composite.CompositeMask, cancellationToken).ConfigureAwait(false);
        using var band = matte.ExtractBand(0);
        using var soft = band.RelationalConst(Enums.OperationRelational.Moreeq, [SoftEdgeLow]).Boolean(band.RelationalConst(Enums.OperationRelational.Lesseq, [SoftEdgeHigh]), Enums.OperationBoolean.And);
        using var hard = band.RelationalConst(Enums.OperationRelational.More, [127]);
        using var boundary = hard.Rank(3, 3, 8).Relational(hard.Rank(3, 3, 0), Enums.OperationRelational.Noteq);
        using var edge = soft.Boolean(boundary, Enums.OperationBoolean.Or);
        return Paint(edge, [0, 200, 255, 255]);
    }

    private static byte[] Paint(Image where, double[] colour)
    {
        using var painted = where.Ifthenelse(colour, new double[] { 0, 0, 0, 0 });
        using var rgba = painted.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return rgba.PngsaveBuffer(compression: 6, keep: Enums.ForeignKeep.None);
    }
}
