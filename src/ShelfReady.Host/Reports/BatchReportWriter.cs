using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using ShelfReady.Host.Batches;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Compliance;
using ShelfReady.Pipeline.Quality;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Reports;

/// <summary>
/// Writes a batch's HTML report, one self-contained file with inline thumbnails: before and after, route,
/// QC breakdown, every export with its size, and each refused input with its reason. People would rather
/// look than read.
/// </summary>
public sealed class BatchReportWriter(IBlobStore store)
{
    private readonly QcSheet sheet = new(store);
    private const int ThumbnailSize = 220;
    private const int MaxAttempts = 5;
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>Writes <c>exports/{merchant}/{batch}/report.html</c> and returns its path.</summary>
    public async Task<BlobPath> WriteAsync(BatchRunResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = new StringBuilder();
        AppendHeader(html, result);
        foreach (var image in result.Images)
        {
            await AppendRowAsync(html, image, cancellationToken).ConfigureAwait(false);
        }

        html.Append("</tbody></table></body></html>\n");
        var path = WorkPaths.Package(result.Merchant, result.Batch, "report.html");
        await store.WriteAsync(path, Encoding.UTF8.GetBytes(html.ToString()), cancellationToken).ConfigureAwait(false);
        return path;
    }

    private static void AppendHeader(StringBuilder html, BatchRunResult result)
    {
        var title = Html.Encode($"ShelfReady — {result.Merchant}/{result.Batch}");
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
            <style>
            body{"{"}font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222{"}"}
            table{"{"}border-collapse:collapse;width:100%{"}"} td,th{"{"}border-bottom:1px solid #ddd;padding:8px;vertical-align:top;text-align:left{"}"}
            img{"{"}width:{ThumbnailSize}px;height:auto;background:repeating-conic-gradient(#eee 0 25%,#fff 0 50%) 0 0/16px 16px;border:1px solid #ccc{"}"}
            .Exported{"{"}color:#1a7f37{"}"} .AwaitingReview{"{"}color:#9a6700{"}"} .Rejected,.NotApproved,.Failed{"{"}color:#cf222e{"}"}
            img.crop{"{"}width:auto{"}"}
            .qc td{"{"}border:none;padding:0 8px 0 0{"}"} .small{"{"}color:#666;font-size:12px{"}"}
            .compliance{"{"}margin-top:4px{"}"} .ok{"{"}color:#1a7f37{"}"} .warn{"{"}color:#9a6700{"}"} .bad{"{"}color:#cf222e;font-weight:bold{"}"}
            </style></head><body><h1>{title}</h1>
            <p>{result.Images.Count} images: {result.Count(ImageRunState.Exported)} exported, {result.Count(ImageRunState.AwaitingReview)} awaiting review,
            {result.Count(ImageRunState.Rejected)} rejected, {result.Count(ImageRunState.NotApproved)} not approved, {result.Count(ImageRunState.Failed)} failed
            — {result.Elapsed.TotalSeconds:0.0} s. Delivery: {Html.Encode(result.Package.Zip.ToString())}</p>
            <table><thead><tr><th>Image</th><th>Before</th><th>After</th><th>What QC saw</th><th>Route and QC</th><th>Exports</th></tr></thead><tbody>

            """);
    }

    private async Task AppendRowAsync(StringBuilder html, ImageRun image, CancellationToken cancellationToken)
    {
        // Only the ingested master is thumbnailed: an upload that ingest refused is never decoded again here.
        var before = await ThumbnailAsync(WorkPaths.Master(image.JobId), cancellationToken).ConfigureAwait(false);
        var attempt = await LatestAttemptAsync(image.JobId, cancellationToken).ConfigureAwait(false);
        var after = attempt is null ? null : await ThumbnailAsync(WorkPaths.Composite(image.JobId, attempt.Value), cancellationToken).ConfigureAwait(false);
        var qc = image.Outcome?.Qc ?? await PendingQcAsync(image.JobId, attempt, cancellationToken).ConfigureAwait(false);
        var reason = image.Outcome?.Reason ?? image.Failure;

        html.Append("<tr><td><b>").Append(Html.Encode(image.Upload.FileName)).Append("</b><br><span class=\"")
            .Append(image.State).Append("\">").Append(image.State).Append("</span>");
        if (reason is not null)
        {
            html.Append("<br>").Append(Html.Encode(reason));
        }

        html.Append("</td><td>").Append(Img(before)).Append("</td><td>").Append(Img(after)).Append("</td><td>");
        if (attempt is not null && qc is not null)
        {
            var pictures = await sheet.PicturesAsync(image.JobId, attempt.Value, qc, cancellationToken).ConfigureAwait(false);
            html.Append(string.Concat(pictures.Select((p, i) => i == 0 ? Img(p) : $"<img class=\"crop\" src=\"{p}\" alt=\"1:1 crop of a QC finding\">")));
        }

        html.Append("</td><td>");
        AppendQc(html, image, qc);
        html.Append("</td><td>");
        AppendExports(html, image.Outcome);
        html.Append("</td></tr>\n");
    }

    private static void AppendQc(StringBuilder html, ImageRun image, QcResult? qc)
    {
        if (image.Outcome?.Route is { } route)
        {
            html.Append(Html.Encode($"{route.Complexity}: {route.Reason}")).Append("<br>");
        }

        if (image.Outcome is { Segmenter: { } segmenter } outcome)
        {
            html.Append("<div class=\"small\">").Append(Html.Encode($"{outcome.Category} ({outcome.CategorySource}), cut out by {segmenter}")).Append("</div>");
        }
        else if (image.Progress?.Route is { } progressRoute)
        {
            html.Append(Html.Encode(progressRoute)).Append("<br>");
        }

        if (qc is null)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<b>QC {qc.Score}</b> ({qc.Verdict})<table class=\"qc\">")
            .Append(CultureInfo.InvariantCulture, $"<tr><td>background</td><td>{qc.Background:0.0}/25</td></tr><tr><td>edge</td><td>{qc.Edge:0.0}/25</td></tr>")
            .Append(CultureInfo.InvariantCulture, $"<tr><td>fill</td><td>{qc.Fill:0.0}/25</td></tr><tr><td>colour</td><td>{qc.Color:0.0}/25</td></tr></table>");
        foreach (var why in qc.Reasons)
        {
            html.Append("<div class=\"small\">").Append(Html.Encode(why)).Append("</div>");
        }
    }

    private static void AppendExports(StringBuilder html, ImageOutcome? outcome)
    {
        foreach (var file in outcome?.Exports.SelectMany(e => e.Files.Select(f => (e.Platform, File: f))) ?? [])
        {
            html.Append(CultureInfo.InvariantCulture, $"<div><b>{Html.Encode(file.Platform)}</b> {Html.Encode(file.File.Path.FileName)}<br>")
                .Append(CultureInfo.InvariantCulture, $"<span class=\"small\">{file.File.Format} {file.File.Width}×{file.File.Height}, {file.File.BitDepth}-bit, {file.File.Bytes / 1024.0:0} KB, {Html.Encode(file.File.ColorProfile)}</span></div>");
        }

        foreach (var report in outcome?.Exports.Select(e => e.Compliance).OfType<ComplianceReport>() ?? [])
        {
            AppendCompliance(html, report);
        }
    }

    // The merchant reads which platform refuses the photo and why, beside the files that did ship.
    private static void AppendCompliance(StringBuilder html, ComplianceReport report)
    {
        var css = report.Verdict switch
        {
            ComplianceVerdict.Compliant => "ok",
            ComplianceVerdict.Fix => "warn",
            _ => "bad",
        };
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"compliance\"><b>{Html.Encode(report.Platform)}</b>: <span class=\"{css}\">{report.Verdict.Label()}</span>");
        foreach (var line in report.Reasons.Concat(report.Notes))
        {
            html.Append("<br><span class=\"small\">").Append(Html.Encode(line)).Append("</span>");
        }

        html.Append("</div>");
    }

    private async Task<int?> LatestAttemptAsync(string jobId, CancellationToken cancellationToken)
    {
        for (var attempt = MaxAttempts; attempt >= 1; attempt--)
        {
            if (await store.GetPropertiesAsync(WorkPaths.Composite(jobId, attempt), cancellationToken).ConfigureAwait(false) is not null)
            {
                return attempt;
            }
        }

        return null;
    }

    private async Task<QcResult?> PendingQcAsync(string jobId, int? attempt, CancellationToken cancellationToken)
    {
        if (attempt is null || await store.GetPropertiesAsync(WorkPaths.ReviewRequest(jobId, attempt.Value), cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var path = WorkPaths.ReviewRequest(jobId, attempt.Value);
        return PipelineJson.Read<ReviewRequestRecord>(await store.ReadAsync(path, cancellationToken).ConfigureAwait(false), path.ToString()).Request.Attempt.Qc;
    }

    // A thumbnail of one of the pipeline's own images, or null when it does not exist.
    private async Task<string?> ThumbnailAsync(BlobPath path, CancellationToken cancellationToken)
    {
        if (await store.GetPropertiesAsync(path, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        using var image = await WorkImages.ReadAsync(store, path, cancellationToken).ConfigureAwait(false);
        using var thumbnail = image.ThumbnailImage(ThumbnailSize, height: ThumbnailSize);
        return "data:image/jpeg;base64," + Convert.ToBase64String(thumbnail.JpegsaveBuffer(q: 80));
    }

    private static string Img(string? source) => source is null ? "<span class=\"small\">—</span>" : $"<img src=\"{source}\" alt=\"\">";
}
