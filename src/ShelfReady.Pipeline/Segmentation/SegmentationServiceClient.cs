using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ShelfReady.Pipeline.Segmentation;

/// <summary>
/// Calls the segmentation service's <c>POST /v1/segment</c> through a timeout per attempt, retries that honour
/// Retry-After, and a circuit breaker shared by every caller in the process, so a service that is down is
/// noticed once and fails calls fast instead of tying up image workers in connect timeouts.
/// </summary>
public sealed class SegmentationServiceClient
{
    /// <summary>The named HTTP client this adapter uses.</summary>
    public const string HttpClientName = "shelfready-segmentation";

    private readonly IHttpClientFactory clients;
    private readonly RemoteSegmentationOptions options;
    private readonly TimeProvider timeProvider;
    private readonly CircuitBreakerStateProvider circuit = new();
    private readonly ResiliencePipeline<HttpResponseMessage> resilience;
    private readonly Uri segmentUri;

    /// <summary>Creates the client; the circuit breaker lives as long as this instance.</summary>
    public SegmentationServiceClient(IHttpClientFactory clients, RemoteSegmentationOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Endpoint ?? throw new ArgumentException("Segmentation:Endpoint is not set.", nameof(options));
        this.clients = clients;
        this.options = options;
        this.timeProvider = timeProvider;
        segmentUri = new Uri(EnsureTrailingSlash(endpoint), "v1/segment");
        resilience = BuildPipeline();
    }

    /// <summary>The service's base address.</summary>
    public Uri Endpoint => options.Endpoint!;

    /// <summary>The circuit's state: Closed while calls flow, Open while the service is considered down.</summary>
    public CircuitState Circuit => circuit.CircuitState;

    /// <summary>Sends an encoded image and returns the service's mask for it.</summary>
    /// <param name="image">The encoded image (JPEG or PNG).</param>
    /// <param name="contentType">Its media type.</param>
    /// <param name="model">Model name, or null for the service's default.</param>
    /// <param name="requestId">Sent as X-Request-Id so the service's logs name the job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SegmentationUnavailableException">Unreachable, timing out, overloaded or failing after the retries, or the circuit is open.</exception>
    /// <exception cref="SegmentationRejectedException">The service refused the request (4xx other than 408/429).</exception>
    public async Task<ServiceMask> SegmentAsync(ReadOnlyMemory<byte> image, string contentType, string? model, string requestId, CancellationToken cancellationToken)
    {
        var uri = model is null ? segmentUri : new Uri(segmentUri, "?model=" + Uri.EscapeDataString(model));
        HttpResponseMessage response;
        try
        {
            response = await resilience.ExecuteAsync(
                async token => await SendOnceAsync(uri, image, contentType, requestId, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnavailability(e, cancellationToken))
        {
            throw new SegmentationUnavailableException($"The segmentation service at {options.Endpoint} is unavailable: {Describe(e)}", e);
        }

        using (response)
        {
            if (IsTransient(response.StatusCode))
            {
                throw new SegmentationUnavailableException(
                    $"The segmentation service at {options.Endpoint} answered {(int)response.StatusCode} {response.ReasonPhrase} after {options.MaxRetries + 1} attempts.");
            }

            if (!response.IsSuccessStatusCode)
            {
                var reason = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw new SegmentationRejectedException(
                    $"The segmentation service refused the request with {(int)response.StatusCode} {response.ReasonPhrase}: {Truncate(reason)}");
            }

            var mask = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new ServiceMask(mask, Header(response, "X-Model") ?? model ?? "default", Header(response, "X-Provider") ?? "unknown", Confidence(response));
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(Uri uri, ReadOnlyMemory<byte> image, string contentType, string requestId, CancellationToken cancellationToken)
    {
        // A request message is single-use, so every attempt builds its own over the same bytes.
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new ReadOnlyMemoryContent(image),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Api-Key", options.ApiKey);
        request.Headers.Add("X-Request-Id", requestId);
        var client = clients.CreateClient(HttpClientName);
        return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline()
    {
        var failures = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(response => IsTransient(response.StatusCode) && response.StatusCode != HttpStatusCode.TooManyRequests);
        var retryable = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(response => IsTransient(response.StatusCode));
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = retryable,
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                // Overload (429) means the service is up and asking for patience: retried, never a reason to open.
                ShouldHandle = failures,
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakDuration,
                StateProvider = circuit,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        var wait = header.Delta ?? (header.Date is { } date ? date - timeProvider.GetUtcNow() : TimeSpan.Zero);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : (wait > options.MaxRetryAfter ? options.MaxRetryAfter : wait);
    }

    // Retrying a call the caller cancelled would be wrong; everything else that stops a call is the service's state.
    private static bool IsUnavailability(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static string Describe(Exception e) => e switch
    {
        BrokenCircuitException => "the circuit is open after repeated failures",
        TimeoutRejectedException => "an attempt timed out",
        _ => e.Message,
    };

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static double? Confidence(HttpResponseMessage response) =>
        double.TryParse(Header(response, "X-Confidence"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "…";

    private static Uri EnsureTrailingSlash(Uri endpoint) =>
        endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
}
