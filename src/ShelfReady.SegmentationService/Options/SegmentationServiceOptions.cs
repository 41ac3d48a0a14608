namespace ShelfReady.SegmentationService.Options;

/// <summary>
/// How the segmentation service batches, limits and authenticates requests (configuration section
/// <c>SegmentationService</c>). Checked at start-up by <see cref="SegmentationServiceOptionsValidator"/>;
/// an invalid value stops the service with a message naming it.
/// </summary>
public sealed class SegmentationServiceOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "SegmentationService";

    /// <summary>
    /// Names of the segmentation models to load. Empty loads every segmentation card whose model file is
    /// present (cards of models not yet downloaded are skipped). A listed model that cannot be loaded leaves
    /// the service not ready. Default empty.
    /// </summary>
    public IList<string> Models { get; } = [];

    /// <summary>
    /// Permits serving models whose card says the licence forbids commercial use (e.g. BRIA RMBG, CC BY-NC).
    /// Without it such models are skipped when <see cref="Models"/> is empty and refused when listed. Default false.
    /// </summary>
    public bool AllowNonCommercialModels { get; set; }

    /// <summary>Model used when a request names none (query <c>model</c> or header <c>X-Model</c>). Default <c>studio-tiny</c>.</summary>
    public string DefaultModel { get; set; } = "studio-tiny";

    /// <summary>
    /// How long the dispatcher waits, after taking a batch's first request, for more to join it: latency
    /// traded for throughput. 0–1 s; default 10 ms.
    /// </summary>
    public TimeSpan MaxBatchWait { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Requests that may wait per model; beyond it requests get 429 with <c>Retry-After</c>. 1–100000; default 64.</summary>
    public int QueueCapacity { get; set; } = 64;

    /// <summary>Largest accepted image, in bytes, uploaded or fetched; larger gets 413. 1 KiB–1 GiB; default 32 MiB.</summary>
    public long MaxRequestBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Largest accepted pixel count, checked from the file header before decoding. 1 MP–500 MP; default 50 MP.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Smallest accepted long side in pixels, 1–10000. Default 16: masks are wanted for any size.</summary>
    public int MinLongSide { get; set; } = 16;

    /// <summary>Longest a request may take from arrival to mask, including queueing and any URL fetch. 1 s–10 min; default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Accepted API keys (header <c>X-Api-Key</c> or <c>Authorization: Bearer</c>), at least 16 characters
    /// each. When any is configured every <c>/v1</c> request needs one. Supply them from a secret store or
    /// environment (<c>SegmentationService__ApiKeys__0</c>), never from a committed file.
    /// </summary>
    public IList<string> ApiKeys { get; } = [];

    /// <summary>
    /// Permits starting with no <see cref="ApiKeys"/>, leaving <c>/v1</c> open (a warning is logged). Without it
    /// a service with no keys refuses to start, so a forgotten secret cannot expose the API. Default false.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>
    /// Hosts that <c>{"url": …}</c> inputs may be fetched from: exact names (<c>acct.blob.core.windows.net</c>)
    /// or a leading wildcard for subdomains (<c>*.blob.core.windows.net</c>). Empty refuses URL input (SSRF
    /// guard). Redirects are never followed. Default empty.
    /// </summary>
    public IList<string> AllowedBlobHosts { get; } = [];

    /// <summary>Permits plain <c>http</c> URLs to allowed hosts (local emulators, tests); otherwise only <c>https</c>. Default false.</summary>
    public bool AllowHttpBlobUrls { get; set; }
}
