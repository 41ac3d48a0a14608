using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NetVips;
using ShelfReady.Imaging.Loading;
using ShelfReady.Imaging.Metadata;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Decodes an upload under the loader's caps and writes the lossless sRGB working master; an upload that
/// cannot be used is copied to quarantine with a reason beside it. The upload itself is never changed, so
/// running this twice reads the same bytes and writes the same blobs.
/// </summary>
public sealed class IngestActivity(IBlobStore store, ImageLoader loader) : Activity<ProcessImageInput, IngestOutput>
{
    private const int ToneLevels = 16;
    private static readonly TimeSpan ShootWindow = TimeSpan.FromMinutes(15);

    /// <inheritdoc />
    public override async Task<IngestOutput> RunAsync(ActivityContext context, ProcessImageInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var bytes = await store.ReadAsync(input.Source, context.CancellationToken).ConfigureAwait(false);
        LoadedImage loaded;
        try
        {
            loaded = loader.Load(bytes);
        }
        catch (ImageLoadException ex)
        {
            await Quarantine.KeepAsync(store, input.Source, bytes, ex.Error.ToString(), ex.Message, context.CancellationToken).ConfigureAwait(false);
            return Rejected(ex.Error.ToString(), ex.Message);
        }

        using (loaded)
        {
            var master = WorkPaths.Master(input.JobId);
            await WorkImages.WriteRawAsync(store, master, loaded.Rgb, context.CancellationToken).ConfigureAwait(false);
            return new IngestOutput(
                true, null, null, master, loaded.Width, loaded.Height, loaded.Source.Format.ToString(),
                ShootGroupKey(loaded.Metadata, BorderTone(loaded.Rgb)), loaded.Metadata, loaded.Notes);
        }
    }

    private static IngestOutput Rejected(string code, string reason) =>
        new(false, code, reason, null, 0, 0, "", "", ImageMetadata.Empty, []);

    // Photos of one shoot share camera, lens, a time window and the backdrop's tone; later steps use the
    // group to normalise colour against one background reference.
    private static string ShootGroupKey(ImageMetadata metadata, (int R, int G, int B) tone)
    {
        var window = metadata.CaptureTime is { } time
            ? new DateTime(time.Ticks - (time.Ticks % ShootWindow.Ticks), DateTimeKind.Unspecified).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)
            : "undated";
        var text = $"{metadata.CameraMake}|{metadata.CameraModel}|{metadata.LensModel}|{window}|{tone.R}-{tone.G}-{tone.B}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }

    private static (int R, int G, int B) BorderTone(Image rgb)
    {
        var band = Math.Max(1, Math.Min(rgb.Width, rgb.Height) / 50);
        using var top = rgb.Crop(0, 0, rgb.Width, band);
        using var bottom = rgb.Crop(0, rgb.Height - band, rgb.Width, band);
        using var border = top.Join(bottom, Enums.Direction.Vertical);
        var levels = new int[3];
        for (var channel = 0; channel < 3; channel++)
        {
            using var plane = border.ExtractBand(channel);
            levels[channel] = (int)(plane.Avg() * ToneLevels / 256);
        }

        return (levels[0], levels[1], levels[2]);
    }
}
