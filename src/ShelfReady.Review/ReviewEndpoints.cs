using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShelfReady.Imaging.Loading;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Workflows;
using ShelfReady.Review.Decisions;
using ShelfReady.Review.Images;
using ShelfReady.Review.Links;
using ShelfReady.Review.Pages;

namespace ShelfReady.Review;

/// <summary>
/// The review endpoints, for any ASP.NET Core host: <c>serve</c> maps them with <see cref="MapShelfReadyReview"/>,
/// the Functions app's HTTP functions call the handlers directly under the same routes.
/// <c>GET /review/{link}</c> shows a page and never decides; <c>POST /review/{link}</c> decides with the
/// page's anti-forgery token; <c>GET /review/{link}/image/{kind}</c> serves its pictures;
/// <c>GET /review/queue/{link}</c> lists what waits for a merchant.
/// </summary>
public static class ReviewEndpoints
{
    private const int MaxReasonLength = 500;

    /// <summary>Maps the review pages.</summary>
    public static IEndpointRouteBuilder MapShelfReadyReview(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/review");
        group.AddEndpointFilter(async (context, next) =>
        {
            ProtectLinkResponse(context.HttpContext.Response);
            return await next(context).ConfigureAwait(false);
        });
        group.MapGet("/queue/{link}", QueueAsync);
        group.MapGet("/{link}", PageAsync);
        group.MapPost("/{link}", DecideAsync);
        group.MapGet("/{link}/image/{kind}", ImageAsync);
        return endpoints;
    }

    /// <summary>Headers every review response carries, whichever host answers it.</summary>
    /// <param name="response">The response about to be written.</param>
    public static void ProtectLinkResponse(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);

        // Links carry their token in the path: never let it leak through a Referer, a cache or a frame.
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Frame-Options"] = "DENY";
        headers["X-Content-Type-Options"] = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'self'; base-uri 'none'";
    }

    /// <summary><c>GET /review/queue/{link}</c>: what waits for the link's reviewer in a merchant's batch, or all of it.</summary>
    /// <param name="link">The signed queue link.</param>
    /// <param name="batch">The batch to show, or null for every batch.</param>
    /// <param name="notice">A line to show above the queue (the decision just recorded).</param>
    /// <param name="http">The request.</param>
    /// <param name="cancellationToken">Signalled when the request is aborted.</param>
    /// <returns>The queue page, or the refusal.</returns>
    public static async Task<IResult> QueueAsync(string link, string? batch, string? notice, HttpContext http, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var signer = services.GetRequiredService<ReviewLinkSigner>();
        var check = signer.VerifyQueue(link);
        if (check.Link is not { } queue)
        {
            return Forbidden(check.Failure);
        }

        var options = services.GetRequiredService<IOptions<ReviewOptions>>().Value;
        var pending = await services.GetRequiredService<ReviewRequests>().PendingAsync(queue.Merchant, batch, cancellationToken).ConfigureAwait(false);
        var expires = queue.ExpiresAt;
        var items = pending
            .Where(p => ReviewerRules.IsReviewer(p.Record.Request, queue.Reviewer, options))
            .Select(p =>
            {
                var token = signer.Sign(new ReviewLink(p.Record.InstanceId, p.Record.Request.Job.JobId, p.Record.Request.Attempt.Attempt, queue.Reviewer, expires));
                return new QueueItem(p, $"/review/{token}", signer.IssueFormToken(token));
            })
            .ToList();
        var queuePath = $"/review/queue/{link}" + (batch is null ? "" : $"?batch={Uri.EscapeDataString(batch)}");
        return Page(ReviewPages.Queue(queue.Merchant, batch, queue.Reviewer, items, queuePath, notice));
    }

    /// <summary><c>GET /review/{link}</c>: the review page; opening it decides nothing.</summary>
    /// <param name="link">The signed review link.</param>
    /// <param name="back">The queue page to return to after deciding, if opened from one.</param>
    /// <param name="http">The request.</param>
    /// <param name="cancellationToken">Signalled when the request is aborted.</param>
    /// <returns>The page, or the refusal.</returns>
    public static async Task<IResult> PageAsync(string link, string? back, HttpContext http, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var (record, reviewer, refusal) = await OpenAsync(link, services, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var decided = await services.GetRequiredService<ReviewDecisionRecorder>().ReadAsync(record!.Request.Job.JobId, record.Request.Attempt.Attempt, cancellationToken).ConfigureAwait(false);
        var form = services.GetRequiredService<ReviewLinkSigner>().IssueFormToken(link);
        return Page(ReviewPages.Review(new ReviewPageModel(record, reviewer!, $"/review/{link}", form, decided, LocalPath(back))));
    }

    /// <summary><c>POST /review/{link}</c>: records the decision from the page's form and hands it to the workflow.</summary>
    /// <param name="link">The signed review link.</param>
    /// <param name="http">The request, with the form.</param>
    /// <param name="cancellationToken">Signalled when the request is aborted.</param>
    /// <returns>The confirmation (or the queue again), or the refusal.</returns>
    public static async Task<IResult> DecideAsync(string link, HttpContext http, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<ReviewOptions>>().Value;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxUploadBytes + 64 * 1024;
        }

        var (record, reviewer, refusal) = await OpenAsync(link, services, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!http.Request.HasFormContentType)
        {
            return Refused(StatusCodes.Status400BadRequest, "Not a decision", "A decision is sent from the review page's form.");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return Refused(StatusCodes.Status413PayloadTooLarge, "Upload too large", $"The upload is larger than the {options.MaxUploadBytes / (1024 * 1024)} MB a corrected cut-out may have.");
        }

        if (!services.GetRequiredService<ReviewLinkSigner>().IsValidFormToken(link, form["_form"]))
        {
            return Refused(StatusCodes.Status403Forbidden, "Decision refused", "This decision did not come from a review page this service showed (or the page is too old): open the link again and decide there.");
        }

        var request = record!.Request;
        var decision = await ReadDecisionAsync(form, reviewer!, request, services, cancellationToken).ConfigureAwait(false);
        if (decision.Error is not null)
        {
            return Refused(StatusCodes.Status400BadRequest, "Decision incomplete", decision.Error);
        }

        var result = await services.GetRequiredService<ReviewDecisionRecorder>().RecordAsync(record.InstanceId, request.Job.JobId, request.Attempt.Attempt, decision.Decision!, cancellationToken).ConfigureAwait(false);
        var back = LocalPath(form["back"]);
        if (back is not null && result.Accepted)
        {
            var notice = Uri.EscapeDataString($"{request.Job.Source.FileName}: {decision.Decision!.Decision} recorded.");
            return Results.Redirect(back + (back.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "notice=" + notice, permanent: false, preserveMethod: false);
        }

        return Page(ReviewPages.Decided(result.Recorded, result.Accepted, back), result.Accepted ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
    }

    private static async Task<(ReviewDecision? Decision, string? Error)> ReadDecisionAsync(IFormCollection form, string reviewer, ReviewRequestInput request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var kind = form["decision"].ToString();
        var reason = form["reason"].ToString().Trim();
        if (reason.Length > MaxReasonLength)
        {
            return (null, $"A reason may have at most {MaxReasonLength} characters.");
        }

        switch (kind)
        {
            case ReviewDecisions.Approve:
                return (new ReviewDecision(kind, reviewer, reason.Length == 0 ? null : reason), null);
            case ReviewDecisions.Reject or ReviewDecisions.Redo when reason.Length == 0:
                return (null, kind == ReviewDecisions.Reject ? "Say why the cut-out is rejected." : "Say what the next cut-out should fix.");
            case ReviewDecisions.Reject or ReviewDecisions.Redo:
                return (new ReviewDecision(kind, reviewer, reason), null);
            case ReviewDecisions.Upload:
                return await ReadUploadAsync(form, reviewer, reason, request, services, cancellationToken).ConfigureAwait(false);
            default:
                return (null, "Choose approve, reject, redo or upload.");
        }
    }

    private static async Task<(ReviewDecision? Decision, string? Error)> ReadUploadAsync(IFormCollection form, string reviewer, string reason, ReviewRequestInput request, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (form.Files["file"] is not { Length: > 0 } file)
        {
            return (null, "Choose the corrected cut-out to upload.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        try
        {
            var mask = await services.GetRequiredService<CorrectedCutouts>().StoreAsync(buffer.ToArray(), request.Master, request.Job.JobId, request.Attempt.Attempt, cancellationToken).ConfigureAwait(false);
            return (new ReviewDecision(ReviewDecisions.Upload, reviewer, reason.Length == 0 ? $"corrected cut-out {file.FileName}" : reason, mask), null);
        }
        catch (ImageLoadException ex)
        {
            return (null, $"The corrected cut-out was refused: {ex.Message}");
        }
    }

    /// <summary><c>GET /review/{link}/image/{kind}</c>: the page's pictures (master, composite, thumb, nonwhite, edge, matte).</summary>
    /// <param name="link">The signed review link.</param>
    /// <param name="kind">Which picture.</param>
    /// <param name="http">The request.</param>
    /// <param name="cancellationToken">Signalled when the request is aborted.</param>
    /// <returns>The image, 404 for an unknown kind, or the refusal.</returns>
    public static async Task<IResult> ImageAsync(string link, string kind, HttpContext http, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var (record, _, refusal) = await OpenAsync(link, services, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var images = services.GetRequiredService<ReviewImages>();
        var request = record!.Request;
        var composite = request.Attempt.Composite;
        return kind switch
        {
            "master" => Results.Bytes(await images.MasterJpegAsync(request.Master, cancellationToken).ConfigureAwait(false), "image/jpeg"),
            "composite" => Results.Bytes(await images.CompositeAsync(composite, cancellationToken).ConfigureAwait(false), "image/png"),
            "thumb" => Results.Bytes(await images.ThumbnailAsync(composite, cancellationToken).ConfigureAwait(false), "image/jpeg"),
            "nonwhite" => Results.Bytes(await images.NonWhiteOverlayAsync(composite, cancellationToken).ConfigureAwait(false), "image/png"),
            "edge" => Results.Bytes(await images.EdgeOverlayAsync(composite, cancellationToken).ConfigureAwait(false), "image/png"),
            "matte" => Results.Bytes(await images.MatteAsync(request.Attempt.Segment, cancellationToken).ConfigureAwait(false), "image/png", "matte.png"),
            _ => Results.NotFound(),
        };
    }

    private static async Task<(ReviewRequestRecord? Record, string? Reviewer, IResult? Refusal)> OpenAsync(string link, IServiceProvider services, CancellationToken cancellationToken)
    {
        var check = services.GetRequiredService<ReviewLinkSigner>().VerifyReview(link);
        if (check.Link is not { } granted)
        {
            return (null, null, Forbidden(check.Failure));
        }

        var record = await services.GetRequiredService<ReviewRequests>().FindAsync(granted.JobId, granted.Attempt, cancellationToken).ConfigureAwait(false);
        if (record is null || record.InstanceId != granted.InstanceId)
        {
            return (null, null, Refused(StatusCodes.Status404NotFound, "No such review", "This link points at a review that this service has no record of."));
        }

        var options = services.GetRequiredService<IOptions<ReviewOptions>>().Value;
        return ReviewerRules.IsReviewer(record.Request, granted.Reviewer, options)
            ? (record, granted.Reviewer, null)
            : (null, null, Refused(StatusCodes.Status403Forbidden, "Not your review", $"This link was made for {granted.Reviewer}, who is not a reviewer of this image (any more): ask the merchant's reviewers for their own link."));
    }

    private static IResult Forbidden(LinkFailure failure) => Refused(StatusCodes.Status403Forbidden, "Link refused", failure switch
    {
        LinkFailure.Expired => "This review link has expired: ask for a new one, or open the review from the latest email.",
        LinkFailure.UnknownKey => "This review link was signed with a key that is no longer in use: open the review from a newer email.",
        LinkFailure.Tampered => "This review link has been changed since it was sent, so it cannot be trusted: open it exactly as it came in the email.",
        _ => "This is not a valid review link: open it exactly as it came in the email.",
    });

    private static IResult Refused(int status, string title, string sentence) => Page(ReviewPages.Message(title, sentence), status);

    private static IResult Page(string html, int status = StatusCodes.Status200OK) => Results.Content(html, "text/html; charset=utf-8", null, status);

    // Only a path on this site may be a return address, never another host (open redirect).
    private static string? LocalPath(string? back) =>
        back is { Length: > 1 } && back.StartsWith("/review/queue/", StringComparison.Ordinal) && !back.Contains("//", StringComparison.Ordinal) ? back : null;
}
