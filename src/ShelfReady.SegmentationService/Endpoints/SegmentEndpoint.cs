using System.Globalization;
using Microsoft.Extensions.Options;
using NetVips;
using ShelfReady.Imaging.Loading;
using ShelfReady.Inference.Segmentation;
using ShelfReady.SegmentationService.Batching;
using ShelfReady.SegmentationService.Diagnostics;
using ShelfReady.SegmentationService.Input;
using ShelfReady.SegmentationService.Models;
using ShelfReady.SegmentationService.Options;

namespace ShelfReady.SegmentationService.Endpoints;

/// <summary>
/// <c>POST /v1/segment</c>: image bytes (or <c>{"url": …}</c>) in, a PNG alpha mask at the input's upright
/// size out. Decoding, full-resolution refinement and PNG encoding run on the request's thread; only the model
/// run goes through the dispatcher, so a batch is not held up by per-image work that parallelises.
/// </summary>
internal sealed class SegmentEndpoint(
    ModelCatalog catalog,
    ImageInputReader inputs,
    ImageLoader loader,
    IOptions<SegmentationServiceOptions> options,
    TimeProvider time,
    ILogger<SegmentEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var startedAt = time.GetTimestamp();
        AdoptCallerRequestId(context);
        var requestId = context.TraceIdentifier;
        context.Response.Headers[ServiceHeaders.RequestId] = requestId;
        var requested = RequestedModel(context.Request);
        if (!catalog.TryGet(requested, out var model))
        {
            return catalog.Models.Count > 0
                ? Refuse(context, StatusCodes.Status404NotFound, "Unknown model", $"No model '{requested}' is loaded. Loaded: {string.Join(", ", catalog.Models.Select(m => m.Name))}.")
                : Refuse(context, StatusCodes.Status503ServiceUnavailable, "No models loaded", catalog.Readiness.Reason ?? "No models are loaded.");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(options.Value.RequestTimeout);
        Image rgb;
        try
        {
            var bytes = await inputs.ReadAsync(context.Request, deadline.Token).ConfigureAwait(false);
            using var loaded = loader.Load(bytes);
            rgb = loaded.Rgb.Copy();
        }
        catch (InputRejectedException ex)
        {
            return Refuse(context, ex.StatusCode, "Input refused", ex.Message);
        }
        catch (ImageLoadException ex)
        {
            var status = ex.Error == ImageLoadError.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return Refuse(context, status, "Image refused", ex.Message, ex.Error.ToString());
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return Abandoned(context, model);
        }

        // The dispatcher owns what it is given; the request keeps its own reference to refine against.
        using var source = rgb;
        var queued = rgb.Copy();
        var pending = model.Dispatcher.TryEnqueue(queued, deadline.Token);
        if (pending is null)
        {
            queued.Dispose();
            var retryAfter = RetryAfterSeconds(model.Dispatcher);
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            ServiceLog.QueueFull(logger, model.Name, model.Dispatcher.QueueDepth, requestId, retryAfter);
            return Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: $"The queue for model '{model.Name}' is full; retry after {retryAfter} s.");
        }

        BatchOutcome<LowResolutionMask> outcome;
        try
        {
            outcome = await pending.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return Abandoned(context, model);
        }

        using var prediction = outcome.Result;
        var refineStartedAt = time.GetTimestamp();
        using var mask = model.Model.Refine(prediction, source);
        var refineTime = time.GetElapsedTime(refineStartedAt);
        var png = mask.Matte.PngsaveBuffer(compression: 3, keep: Enums.ForeignKeep.None);
        var total = time.GetElapsedTime(startedAt);
        WriteHeaders(context.Response.Headers, model, mask, outcome, refineTime, total);
        ServiceLog.Segmented(logger, requestId, model.Name, mask.Matte.Width, mask.Matte.Height, outcome.BatchId, outcome.BatchSize,
            outcome.QueueTime.TotalMilliseconds, outcome.RunTime.TotalMilliseconds, total.TotalMilliseconds);
        return Results.Bytes(png, "image/png");
    }

    // The pipeline sends its job id so the service's log lines can be matched to the job; anything that could
    // forge a log line or bloat one is ignored and Kestrel's own id stands.
    private static void AdoptCallerRequestId(HttpContext context)
    {
        if (context.Request.Headers[ServiceHeaders.RequestId] is [{ Length: > 0 and <= 128 } callerId]
            && callerId.All(c => c is > ' ' and < (char)127))
        {
            context.TraceIdentifier = callerId;
        }
    }

    /// <summary>Seconds until the queue has likely drained enough to take the request: at least 1.</summary>
    internal static long RetryAfterSeconds(BatchDispatcher<Image, LowResolutionMask> dispatcher) =>
        Math.Max(1, (long)Math.Ceiling(dispatcher.EstimatedWait.TotalSeconds));

    private static string? RequestedModel(HttpRequest request)
    {
        var query = request.Query["model"].ToString();
        return query.Length > 0 ? query : request.Headers[ServiceHeaders.Model].ToString();
    }

    private static void WriteHeaders(IHeaderDictionary headers, LoadedModel model, SegmentationMask mask, BatchOutcome<LowResolutionMask> outcome, TimeSpan refineTime, TimeSpan total)
    {
        var box = mask.ForegroundBox;
        var invariant = CultureInfo.InvariantCulture;
        headers[ServiceHeaders.Model] = model.Name;
        headers[ServiceHeaders.Provider] = model.Model.Providers.Active;
        headers[ServiceHeaders.Confidence] = mask.Confidence.ToString("0.000", invariant);
        headers[ServiceHeaders.ForegroundBox] = string.Create(invariant, $"{box.Left},{box.Top},{box.Width},{box.Height}");
        headers[ServiceHeaders.BatchId] = outcome.BatchId;
        headers[ServiceHeaders.BatchSize] = outcome.BatchSize.ToString(invariant);
        headers[ServiceHeaders.ServerTiming] = string.Create(invariant,
            $"queue;dur={outcome.QueueTime.TotalMilliseconds:0.0},inference;dur={outcome.RunTime.TotalMilliseconds:0.0},refine;dur={refineTime.TotalMilliseconds:0.0},total;dur={total.TotalMilliseconds:0.0}");
    }

    // The client has gone (nobody reads the answer) or the request outlived RequestTimeout.
    private IResult Abandoned(HttpContext context, LoadedModel model)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            ServiceLog.Refused(logger, context.TraceIdentifier, StatusCodes.Status499ClientClosedRequest, "client closed the request");
            return Results.StatusCode(StatusCodes.Status499ClientClosedRequest);
        }

        var retryAfter = RetryAfterSeconds(model.Dispatcher);
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return Refuse(context, StatusCodes.Status503ServiceUnavailable, "Timed out",
            $"The request did not finish within {options.Value.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
    }

    private IResult Refuse(HttpContext context, int statusCode, string title, string detail, string? error = null)
    {
        ServiceLog.Refused(logger, context.TraceIdentifier, statusCode, detail);
        var extensions = error is null ? null : new Dictionary<string, object?>(StringComparer.Ordinal) { ["error"] = error };
        return Results.Problem(statusCode: statusCode, title: title, detail: detail, extensions: extensions);
    }
}
