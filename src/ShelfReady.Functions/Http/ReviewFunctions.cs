using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using ShelfReady.Functions.Review;
using ShelfReady.Review;

namespace ShelfReady.Functions.Http;

/// <summary>
/// The review pages and decisions, under the routes <c>serve</c> gives them (host.json drops the <c>api</c>
/// prefix so emailed links read the same on both hosts). Each function hands its request to the shared review
/// handlers; the links carry their own signature, so the functions are anonymous.
/// </summary>
/// <param name="durable">Where a decision finds the Durable client to raise its event with.</param>
public sealed class ReviewFunctions(BoundDurableClient durable)
{
    /// <summary>GET shows the review page; POST records the reviewer's decision and raises it on the image's orchestration.</summary>
    /// <param name="request">The request.</param>
    /// <param name="link">The signed review link.</param>
    /// <param name="client">The Durable client the decision is raised with.</param>
    /// <returns>The page, the confirmation or the refusal.</returns>
    [Function("ReviewPage")]
    public async Task<IActionResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "review/{link}")] HttpRequest request,
        string link,
        [DurableClient] DurableTaskClient client)
    {
        var http = Bind(request, client);
        var result = HttpMethods.IsPost(request.Method)
            ? await ReviewEndpoints.DecideAsync(link, http, http.RequestAborted).ConfigureAwait(false)
            : await ReviewEndpoints.PageAsync(link, request.Query["back"], http, http.RequestAborted).ConfigureAwait(false);
        return new ReviewResult(result);
    }

    /// <summary>GET one of a review page's pictures.</summary>
    /// <param name="request">The request.</param>
    /// <param name="link">The signed review link.</param>
    /// <param name="kind">master, composite, thumb, nonwhite, edge or matte.</param>
    /// <returns>The image, or the refusal.</returns>
    [Function("ReviewImage")]
    public static async Task<IActionResult> ImageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review/{link}/image/{kind}")] HttpRequest request,
        string link,
        string kind)
    {
        var http = Protect(request);
        return new ReviewResult(await ReviewEndpoints.ImageAsync(link, kind, http, http.RequestAborted).ConfigureAwait(false));
    }

    /// <summary>GET what waits for a reviewer in a merchant's batch (or every batch).</summary>
    /// <param name="request">The request, with the optional <c>batch</c> and <c>notice</c>.</param>
    /// <param name="link">The signed queue link.</param>
    /// <returns>The queue page, or the refusal.</returns>
    [Function("ReviewQueue")]
    public static async Task<IActionResult> QueueAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review/queue/{link}")] HttpRequest request,
        string link)
    {
        var http = Protect(request);
        var result = await ReviewEndpoints.QueueAsync(link, request.Query["batch"], request.Query["notice"], http, http.RequestAborted).ConfigureAwait(false);
        return new ReviewResult(result);
    }

    private HttpContext Bind(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        durable.Use(client);
        return Protect(request);
    }

    private static HttpContext Protect(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ReviewEndpoints.ProtectLinkResponse(request.HttpContext.Response);
        return request.HttpContext;
    }
}
