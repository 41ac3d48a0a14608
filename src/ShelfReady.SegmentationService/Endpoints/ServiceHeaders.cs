namespace ShelfReady.SegmentationService.Endpoints;

/// <summary>Header names of the segmentation API.</summary>
public static class ServiceHeaders
{
    /// <summary>Request: the model to use; response: the model that was used.</summary>
    public const string Model = "X-Model";

    /// <summary>Response: the active ONNX Runtime execution provider, e.g. <c>CUDA</c> or <c>CPU</c>.</summary>
    public const string Provider = "X-Provider";

    /// <summary>Response: the mask's confidence in [0, 1], three decimals, invariant culture.</summary>
    public const string Confidence = "X-Confidence";

    /// <summary>Response: the foreground's bounding box as <c>x,y,w,h</c> in input pixels.</summary>
    public const string ForegroundBox = "X-Foreground-Box";

    /// <summary>Response: the batch the request ran in, unique within the process.</summary>
    public const string BatchId = "X-Batch-Id";

    /// <summary>Response: how many requests ran in that batch.</summary>
    public const string BatchSize = "X-Batch-Size";

    /// <summary>Response: the request id that the logs carry.</summary>
    public const string RequestId = "X-Request-Id";

    /// <summary>Response: W3C Server-Timing with <c>queue</c>, <c>inference</c> and <c>total</c> in milliseconds.</summary>
    public const string ServerTiming = "Server-Timing";
}
