using System.Globalization;
using System.IO.Compression;
using System.Text;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Compliance;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Naming;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Builds a batch's delivery: a zip of every export plus manifest.json and exports.csv, written beside the
/// exports. Entries are sorted and dated 1980-01-01 so the same batch always
/// yields the same zip, and every entry name is built from safe parts, so the archive cannot carry a path
/// that escapes the folder it is unpacked into. Where the host gives download links, the manifest links each
/// exported file and the output links the zip and the manifest.
/// </summary>
public sealed class PackageActivity(IBlobStore store, IDownloadLinks? links = null) : Activity<PackageInput, PackageOutput>
{
    private static readonly DateTimeOffset ZipEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public override async Task<PackageOutput> RunAsync(ActivityContext context, PackageInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var token = context.CancellationToken;
        var temp = Path.Combine(Path.GetTempPath(), $"shelfready-package-{Guid.NewGuid():N}.zip");
        DeliveryManifest manifest;

        // The zip is spooled to a temporary file that deletes itself: a batch of print masters does not fit in memory.
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose))
        {
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                manifest = await FillAsync(zip, input, token).ConfigureAwait(false);
                var manifestBytes = PipelineJson.Bytes(manifest);
                var csvBytes = Encoding.UTF8.GetBytes(Csv(manifest));
                AddEntry(zip, "manifest.json", manifestBytes);
                AddEntry(zip, "exports.csv", csvBytes);
                await store.WriteAsync(WorkPaths.Package(input.Merchant, input.Batch, "manifest.json"), manifestBytes, token).ConfigureAwait(false);
                await store.WriteAsync(WorkPaths.Package(input.Merchant, input.Batch, "exports.csv"), csvBytes, token).ConfigureAwait(false);
            }

            file.Position = 0;
            await store.WriteStreamAsync(WorkPaths.Package(input.Merchant, input.Batch, "delivery.zip"), file, token).ConfigureAwait(false);
        }

        var zipPath = WorkPaths.Package(input.Merchant, input.Batch, "delivery.zip");
        var manifestPath = WorkPaths.Package(input.Merchant, input.Batch, "manifest.json");
        return new PackageOutput(
            zipPath,
            manifestPath,
            WorkPaths.Package(input.Merchant, input.Batch, "exports.csv"),
            manifest.Missing,
            manifest.Failed,
            await LinkAsync(zipPath, token).ConfigureAwait(false),
            await LinkAsync(manifestPath, token).ConfigureAwait(false));
    }

    private async Task<DeliveryManifest> FillAsync(ZipArchive zip, PackageInput input, CancellationToken token)
    {
        var images = new List<DeliveredImage>();
        foreach (var item in input.Items.OrderBy(i => i.File, StringComparer.Ordinal))
        {
            var outcome = item.JobId is null || item.Status is null ? null : await ReadOutcomeAsync(item.JobId, token).ConfigureAwait(false);
            var files = new List<DeliveredFile>();
            foreach (var export in outcome?.Exports.OrderBy(e => e.Platform, StringComparer.Ordinal) ?? Enumerable.Empty<ExportOutput>())
            {
                foreach (var exported in export.Files.OrderBy(f => f.Path.Name, StringComparer.Ordinal))
                {
                    var bytes = await store.ReadAsync(exported.Path, token).ConfigureAwait(false);
                    var entry = $"{NameTemplate.MakeSafe(export.Platform)}/{NameTemplate.MakeSafe(exported.Path.FileName)}";
                    AddEntry(zip, entry, bytes);
                    var url = await LinkAsync(exported.Path, token).ConfigureAwait(false);
                    files.Add(new DeliveredFile(export.Platform, entry, exported.Format, exported.Width, exported.Height, bytes.LongLength, JobIdentity.ContentHash(bytes), export.Compliance, url));
                }
            }

            images.Add(new DeliveredImage(item.File, item.JobId, item.Status, outcome?.Reason, files));
        }

        var missing = images.Where(i => i.Status is null).Select(i => i.File).ToList();
        var failed = images.Where(i => i.Status is not null and not ImageStatus.Exported)
            .Select(i => $"{i.File}: {i.Status} ({i.Reason})")
            .ToList();
        return new DeliveryManifest(input.Merchant, input.Batch, images, missing, failed);
    }

    private async Task<Uri?> LinkAsync(BlobPath path, CancellationToken token) =>
        links is null ? null : await links.LinkAsync(path, token).ConfigureAwait(false);

    private async Task<ImageOutcome> ReadOutcomeAsync(string jobId, CancellationToken token)
    {
        var path = WorkPaths.Outcome(jobId);
        return PipelineJson.Read<ImageOutcome>(await store.ReadAsync(path, token).ConfigureAwait(false), path.ToString());
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = ZipEpoch;
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static string Csv(DeliveryManifest manifest)
    {
        var csv = new StringBuilder("file,job_id,status,platform,entry,format,width,height,bytes,sha256,compliance,compliance_reasons,url\n");
        foreach (var image in manifest.Images)
        {
            if (image.Files.Count == 0)
            {
                csv.AppendLine(CultureInfo.InvariantCulture, $"{Field(image.File)},{image.JobId},{image.Status?.ToString() ?? "Missing"},,,,,,,,,,");
            }

            foreach (var f in image.Files)
            {
                csv.AppendLine(CultureInfo.InvariantCulture, $"{Field(image.File)},{image.JobId},{image.Status},{f.Platform},{Field(f.Entry)},{f.Format},{f.Width},{f.Height},{f.Bytes},{f.Sha256},{Verdict(f.Compliance)},{Field(string.Join(" ", f.Compliance?.Reasons ?? []))},{Field(f.Url?.AbsoluteUri ?? "")}");
            }
        }

        return csv.ToString();
    }

    private static string Verdict(ComplianceReport? report) => report?.Verdict.Label() ?? "";

    // RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet never executes a file name.
    private static string Field(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
