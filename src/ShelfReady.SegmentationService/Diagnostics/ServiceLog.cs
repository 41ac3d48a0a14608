namespace ShelfReady.SegmentationService.Diagnostics;

/// <summary>The service's structured log events; field names are stable so log queries can rely on them.</summary>
internal static partial class ServiceLog
{
    [LoggerMessage(1, LogLevel.Information, "Segmented request {RequestId} with {Model}: {Width}x{Height}, batch {BatchId} of {BatchSize}, queue {QueueMs:0.0} ms, inference {InferenceMs:0.0} ms, total {TotalMs:0.0} ms")]
    public static partial void Segmented(ILogger logger, string requestId, string model, int width, int height, string batchId, int batchSize, double queueMs, double inferenceMs, double totalMs);

    [LoggerMessage(2, LogLevel.Information, "Refused request {RequestId} with {StatusCode}: {Reason}")]
    public static partial void Refused(ILogger logger, string requestId, int statusCode, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Queue for {Model} is full ({QueueDepth} waiting); request {RequestId} told to retry after {RetryAfterSeconds} s")]
    public static partial void QueueFull(ILogger logger, string model, int queueDepth, string requestId, long retryAfterSeconds);

    [LoggerMessage(4, LogLevel.Debug, "Batch {BatchId} ran {BatchSize} requests in {RunMs:0.0} ms; {QueueDepth} waiting")]
    public static partial void BatchRan(ILogger logger, string batchId, int batchSize, double runMs, int queueDepth);

    [LoggerMessage(5, LogLevel.Error, "Batch {BatchId} of {BatchSize} failed")]
    public static partial void BatchFailed(ILogger logger, Exception exception, string batchId, int batchSize);

    [LoggerMessage(6, LogLevel.Information, "Loaded model {Model} ({Family}) on {Provider}, max batch {MaxBatch}")]
    public static partial void ModelLoaded(ILogger logger, string model, string family, string provider, int maxBatch);

    [LoggerMessage(7, LogLevel.Information, "Skipped model {Model}: {Reason}")]
    public static partial void ModelSkipped(ILogger logger, string model, string reason);

    [LoggerMessage(8, LogLevel.Error, "Models were not loaded; the service stays not ready: {Reason}")]
    public static partial void ModelsNotLoaded(ILogger logger, Exception? exception, string reason);

    [LoggerMessage(9, LogLevel.Warning, "Model {Model} is not ready: {Reason}")]
    public static partial void ProviderNotReady(ILogger logger, string model, string reason);

    [LoggerMessage(10, LogLevel.Warning, "No API keys are configured and AllowAnonymous is set: /v1 endpoints are open to anyone who can reach the service")]
    public static partial void AnonymousAccess(ILogger logger);
}
