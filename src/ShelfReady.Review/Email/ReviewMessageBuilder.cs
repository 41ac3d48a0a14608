using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;
using ShelfReady.Pipeline.Compliance;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Workflows;
using ShelfReady.Review.Images;
using ShelfReady.Review.Links;
using static ShelfReady.Review.Pages.Html;

namespace ShelfReady.Review.Email;

/// <summary>
/// Writes the review mail: plain text and HTML with the product, route, QC score and reasons, each platform's
/// compliance verdict, an inline thumbnail of the cut-out, and one link signed for the recipient.
/// </summary>
public sealed class ReviewMessageBuilder(ReviewLinkSigner signer, ReviewImages images, IOptions<ReviewOptions> review, IOptions<ReviewEmailOptions> email, TimeProvider time)
{
    /// <summary>One message per recipient (each link names its reviewer).</summary>
    public async Task<IReadOnlyList<MimeMessage>> BuildAsync(ReviewRequestInput request, IReadOnlyList<ComplianceReport> verdicts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(verdicts);
        var thumbnail = await images.ThumbnailAsync(request.Attempt.Composite, cancellationToken).ConfigureAwait(false);
        var rules = verdicts.Select(v => $"{v.Platform}: {v.Verdict.Label()}" + (v.Details() is { Length: > 0 } details ? " — " + details : "")).ToList();
        return [.. ReviewerRules.Recipients(request, review.Value).Select(reviewer => Build(request, rules, reviewer, thumbnail))];
    }

    private MimeMessage Build(ReviewRequestInput request, List<string> rules, string reviewer, byte[] thumbnail)
    {
        var job = request.Job;
        var link = new ReviewLink(JobIdentity.ImageInstanceId(job.JobId), job.JobId, request.Attempt.Attempt, reviewer, time.GetUtcNow() + signer.LinkLifetime);
        var baseUrl = review.Value.PublicBaseUrl ?? new Uri("http://127.0.0.1:5080/");
        var url = new Uri(baseUrl, $"review/{signer.Sign(link)}").AbsoluteUri;
        var queueUrl = new Uri(baseUrl, $"review/queue/{signer.Sign(new QueueLink(job.Merchant, reviewer, link.ExpiresAt))}?batch={Uri.EscapeDataString(job.Batch)}").AbsoluteUri;
        var qc = request.Attempt.Qc;
        var what = request.Escalation ? "Escalated: review waiting" : request.Reminder ? "Reminder: review waiting" : "Review needed";
        var message = new MimeMessage { Subject = $"{what} — {job.Source.FileName} ({job.Merchant}/{job.Batch}), QC {qc.Score}" };
        message.From.Add(MailboxAddress.Parse(email.Value.From));
        if (email.Value.ReplyTo is { Length: > 0 } replyTo)
        {
            message.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        }

        message.To.Add(MailboxAddress.Parse(reviewer));
        var deadline = request.DeadlineUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var reasons = qc.Reasons.Count == 0 ? ["no points lost"] : qc.Reasons;
        var body = new BodyBuilder
        {
            TextBody = $"""
                {what}: {job.Source.FileName}
                Merchant/batch: {job.Merchant}/{job.Batch}
                Category: {request.Category ?? "unknown"} (from {request.CategorySource ?? "nowhere"})
                Route: {request.Route.Complexity} — {request.Route.Reason}
                QC score: {qc.Score}/100 ({qc.Verdict})
                {string.Join(Environment.NewLine, reasons.Select(r => "- " + r))}
                Marketplace rules:
                {string.Join(Environment.NewLine, (rules.Count == 0 ? ["not judged for this request"] : rules).Select(r => "- " + r))}
                Please decide by {deadline}:
                {url}
                Everything waiting in this batch: {queueUrl}
                """,
        };
        var image = body.LinkedResources.Add("cutout.jpg", thumbnail, new ContentType("image", "jpeg"));
        image.ContentId = MimeUtils.GenerateMessageId();
        body.HtmlBody = $"""
            <!doctype html><html><body style="font-family:sans-serif;color:#1d232b">
            <p><b>{E(what)}</b>: {E(job.Source.FileName)} <span style="color:#5b6470">({E(job.Merchant)}/{E(job.Batch)})</span></p>
            <p><img src="cid:{image.ContentId}" alt="cut-out" width="160" style="border:1px solid #ddd;background:#fff"></p>
            <table cellpadding="3"><tr><td>Category</td><td>{E(request.Category ?? "unknown")} (from {E(request.CategorySource ?? "nowhere")})</td></tr>
            <tr><td>Route</td><td>{E(request.Route.Complexity.ToString())} — {E(request.Route.Reason)}</td></tr>
            <tr><td>QC score</td><td><b>{qc.Score}</b>/100 ({E(qc.Verdict.ToString())})</td></tr></table>
            <ul>{string.Concat(reasons.Select(r => $"<li>{E(r)}</li>"))}</ul>
            {(rules.Count == 0 ? "" : $"<p>Marketplace rules:</p><ul>{string.Concat(rules.Select(r => $"<li>{E(r)}</li>"))}</ul>")}
            <p><a href="{E(url)}" style="background:#16794a;color:#fff;padding:8px 14px;border-radius:5px;text-decoration:none">Open the review</a></p>
            <p><a href="{E(queueUrl)}">Everything waiting in this batch</a></p>
            <p style="color:#5b6470">Please decide by {E(deadline)}. Opening the link decides nothing; the page has the buttons.</p>
            </body></html>
            """;
        message.Body = body.ToMessageBody();
        return message;
    }
}
