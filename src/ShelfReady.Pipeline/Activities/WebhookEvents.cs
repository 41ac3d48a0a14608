using System.Text;
using System.Text.Json;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>Builds the webhook messages the merchant receives, each under the 20 KB payload limit.</summary>
public static class WebhookEvents
{
    /// <summary>Largest body sent; Standard Webhooks advises keeping payloads small and linking to data.</summary>
    public const int MaxBodyBytes = 20 * 1024;

    private static readonly JsonSerializerOptions Compact = new(PipelineJson.Options) { WriteIndented = false };

    /// <summary>image.exported, image.rejected or image.failed for an outcome; the id is stable per job and type.</summary>
    /// <param name="outcome">How the image ended.</param>
    /// <param name="links">Download links of its exported files by storage path, where the host gives any.</param>
    public static WebhookMessage ForImage(ImageOutcome outcome, IReadOnlyDictionary<BlobPath, Uri>? links = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var type = outcome.Status switch
        {
            ImageStatus.Exported => "image.exported",
            ImageStatus.Rejected or ImageStatus.NotApproved => "image.rejected",
            _ => "image.failed",
        };
        var files = outcome.Exports.SelectMany(e => e.Files.Select(f => new { platform = e.Platform, path = f.Path.ToString(), url = links?.GetValueOrDefault(f.Path), f.Format, f.Width, f.Height, f.Bytes })).ToList();
        var data = new
        {
            jobId = outcome.Job.JobId,
            merchant = outcome.Job.Merchant,
            batch = outcome.Job.Batch,
            source = outcome.Job.Source.ToString(),
            status = outcome.Status,
            reason = outcome.Reason,
            category = outcome.Category,
            route = outcome.Route?.Complexity,
            score = outcome.Qc?.Score,
            reviewedBy = outcome.ReviewedBy,
            fileCount = files.Count,
            files,
            compliance = outcome.Exports.Where(e => e.Compliance is not null).Select(e => e.Compliance).ToList(),
        };
        var body = Envelope(type, data);
        if (Encoding.UTF8.GetByteCount(body) > MaxBodyBytes)
        {
            body = Envelope(type, data with { files = files.Take(0).ToList() });
        }

        return new WebhookMessage($"{type}_{outcome.Job.JobId}", type, body);
    }

    /// <summary>batch.completed with what was delivered, missing and failed.</summary>
    public static WebhookMessage ForBatch(string merchant, string batch, PackageOutput package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var data = new
        {
            merchant,
            batch,
            zip = package.Zip.ToString(),
            zipUrl = package.ZipUrl,
            manifest = package.Manifest.ToString(),
            manifestUrl = package.ManifestUrl,
            missing = package.Missing,
            failed = package.Failed,
        };
        return new WebhookMessage($"batch.completed_{merchant}_{batch}", "batch.completed", Envelope("batch.completed", data));
    }

    /// <summary>batch.rejected: the batch's manifest was refused, with the reason; nothing was delivered.</summary>
    public static WebhookMessage ForRefusedBatch(string merchant, string batch, BlobPath manifest, string reason)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var data = new { merchant, batch, manifest = manifest.ToString(), quarantined = WorkPaths.Quarantined(manifest).ToString(), reason };
        return new WebhookMessage($"batch.rejected_{merchant}_{batch}", "batch.rejected", Envelope("batch.rejected", data));
    }

    private static string Envelope(string type, object data) =>
        JsonSerializer.Serialize(new { type, data }, Compact);
}
