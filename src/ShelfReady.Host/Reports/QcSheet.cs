using NetVips;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Quality;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Host.Reports;

/// <summary>
/// What QC saw, as pictures for the report: the source with what the matte removed tinted red and the regions QC
/// flagged outlined, and 1:1 crops of the source around the largest findings with the same tint, so a person
/// sees in seconds whether a finding is real.
/// </summary>
internal sealed class QcSheet(IBlobStore store)
{
    private const int OverlaySize = 320;
    private const int CropSide = 240;
    private const int MaxCrops = 3;
    private static readonly double[] Removed = [220, 40, 40];
    private static readonly double[] Outline = [0, 200, 0];

    /// <summary>The overlay and the crops as JPEG data URIs; empty when the attempt's master or matte is missing.</summary>
    public async Task<IReadOnlyList<string>> PicturesAsync(string jobId, int attempt, QcResult qc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(qc);
        var mask = WorkPaths.Mask(jobId, attempt);
        if (await store.GetPropertiesAsync(mask, cancellationToken).ConfigureAwait(false) is null)
        {
            return [];
        }

        using var master = await WorkImages.ReadAsync(store, WorkPaths.Master(jobId), cancellationToken).ConfigureAwait(false);
        using var matte = await WorkImages.ReadAsync(store, mask, cancellationToken).ConfigureAwait(false);
        var regions = qc.Findings.Where(f => f.AreaFraction > 0 || f.Code == QcFindingCodes.TouchesFrame).Select(f => f.Region).Distinct().ToList();
        var pictures = new List<string> { Overview(master, matte, regions) };
        pictures.AddRange(regions.Take(MaxCrops).Select(region => Crop(master, matte, region)));
        return pictures;
    }

    private static string Overview(Image master, Image matte, List<QcRegion> regions)
    {
        var scale = Math.Min(1.0, (double)OverlaySize / Math.Max(master.Width, master.Height));
        using var tinted = Tint(master, matte);
        using var small = tinted.Resize(scale);
        using var outlined = small.Mutate(canvas =>
        {
            foreach (var r in regions)
            {
                var (x, y) = ((int)(r.X * scale), (int)(r.Y * scale));
                var (w, h) = (Math.Max(3, (int)Math.Ceiling(r.Width * scale)), Math.Max(3, (int)Math.Ceiling(r.Height * scale)));
                canvas.DrawRect(Outline, x, y, w, h);
                canvas.DrawRect(Outline, x - 1, y - 1, w + 2, h + 2);
            }
        });
        return Jpeg(outlined);
    }

    private static string Crop(Image master, Image matte, QcRegion region)
    {
        var side = Math.Min(CropSide, Math.Min(master.Width, master.Height));
        var left = Math.Clamp(region.X + (region.Width / 2) - (side / 2), 0, master.Width - side);
        var top = Math.Clamp(region.Y + (region.Height / 2) - (side / 2), 0, master.Height - side);
        using var photo = master.Crop(left, top, side, side);
        using var cut = matte.Crop(left, top, side, side);
        using var tinted = Tint(photo, cut);
        return Jpeg(tinted);
    }

    /// <summary>The photo where the matte keeps it, half red where the matte removed it.</summary>
    private static Image Tint(Image photo, Image matte)
    {
        using var keep = matte / 255.0;
        using var drop = 1.0 - keep;
        using var red = photo.NewFromImage(Removed);
        using var halfPhoto = photo * 0.5;
        using var halfRed = red * 0.5;
        using var half = halfPhoto + halfRed;
        using var kept = photo * keep;
        using var removed = half * drop;
        using var sum = kept + removed;
        return sum.Cast(Enums.BandFormat.Uchar);
    }

    private static string Jpeg(Image image) => "data:image/jpeg;base64," + Convert.ToBase64String(image.JpegsaveBuffer(q: 82));
}
