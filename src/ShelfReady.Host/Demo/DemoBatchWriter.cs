using System.Globalization;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Routing;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Host.Demo;

/// <summary>
/// Drops a synthetic studio shoot into uploads: a mix of simple, medium and complex products from the
/// generator, with sidecars naming the category for most of them (as a merchant would), ASIN file names for
/// some, a few broken files that must end in quarantine, and a manifest that seals the batch. The demo
/// merchant's settings carry a file-name rule that reads the category from names like "jewelry-004.jpg", as
/// a studio's naming convention would.
/// </summary>
public sealed class DemoBatchWriter(IBlobStore store)
{
    /// <summary>Broken inputs every demo includes, by file name.</summary>
    public static IReadOnlyList<string> BrokenFiles { get; } = ["empty.jpg", "notes.jpg", "tiny.png", "truncated.jpg"];

    /// <summary>Writes the batch and the merchant's settings; returns every file written, broken ones included.</summary>
    public async Task<IReadOnlyList<DemoFile>> WriteAsync(string merchant, string batch, int count, int seed, int longSide, CancellationToken cancellationToken)
    {
        var prefix = $"{merchant}/{batch}/";
        var files = new List<DemoFile>();
        await WriteSettingsAsync(merchant, cancellationToken).ConfigureAwait(false);
        var template = new StudioShotSpec { Width = longSide, Height = longSide * 3 / 4, JpegQuality = 92 };
        var index = 0;
        byte[]? firstJpeg = null;
        foreach (var shot in StudioShotGenerator.GenerateSet(count, new ComplexityMix(0.6, 0.25, 0.15), seed, template))
        {
            using (shot)
            {
                index++;
                var jpeg = shot.ToJpeg(92);
                firstJpeg ??= jpeg;
                var name = FileName(shot.Labels.Category, index, seed);
                await store.WriteAsync(Upload(prefix, name), jpeg, cancellationToken).ConfigureAwait(false);
                if (index % 4 != 0)
                {
                    var sidecar = new ManifestEntry { Category = shot.Labels.Category, Sku = $"DEMO-{index:000}" };
                    await store.WriteAsync(Upload(prefix, name + ".json"), PipelineJson.Bytes(sidecar), cancellationToken).ConfigureAwait(false);
                }

                files.Add(new DemoFile(name, shot.Labels.Category, shot.Labels.Complexity));
            }
        }

        files.AddRange((await WriteBrokenAsync(prefix, firstJpeg ?? [], cancellationToken).ConfigureAwait(false)).Select(name => new DemoFile(name, null, null)));
        var manifest = new BatchManifest { Images = files.Select(file => new ManifestEntry { File = file.Name }).ToList() };
        await store.WriteAsync(Upload(prefix, "manifest.json"), PipelineJson.Bytes(manifest), cancellationToken).ConfigureAwait(false);
        return files;
    }

    private async Task WriteSettingsAsync(string merchant, CancellationToken cancellationToken)
    {
        var rules = MerchantSettings.Default.FileNameRules.Prepend(@"^(?<category>[a-z_]+)-\d+\.jpg$").ToList();
        var settings = MerchantSettings.Default with { FileNameRules = rules };
        await store.WriteAsync(WorkPaths.Settings(merchant), PipelineJson.Bytes(settings), cancellationToken).ConfigureAwait(false);
    }

    private async Task<IEnumerable<string>> WriteBrokenAsync(string prefix, byte[] goodJpeg, CancellationToken cancellationToken)
    {
        using var pixel = NetVips.Image.Black(1, 1, bands: 3).Cast(NetVips.Enums.BandFormat.Uchar);
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["empty.jpg"] = [],
            ["notes.jpg"] = "Shoot notes: reshoot the red mug on Tuesday."u8.ToArray(),
            ["tiny.png"] = pixel.PngsaveBuffer(),
            ["truncated.jpg"] = goodJpeg[..(goodJpeg.Length / 3)],
        };
        foreach (var (name, bytes) in contents)
        {
            await store.WriteAsync(Upload(prefix, name), bytes, cancellationToken).ConfigureAwait(false);
        }

        return BrokenFiles;
    }

    // Hard-edged catalogue products get ASIN names, as Amazon sellers' files often have; the rest keep a readable name.
    private static string FileName(string category, int index, int seed) =>
        category is ProductCategories.Electronics or ProductCategories.Books
            ? string.Create(CultureInfo.InvariantCulture, $"B0{(uint)HashCode.Combine(seed, index):X8}.jpg")
            : string.Create(CultureInfo.InvariantCulture, $"{category}-{index:000}.jpg");

    private static BlobPath Upload(string prefix, string name) => new(BlobContainers.Uploads, prefix + name);
}
