using System.ComponentModel.DataAnnotations;
using ShelfReady.Imaging;

namespace ShelfReady.Pipeline.Segmentation;

/// <summary>
/// How the pipeline calls the segmentation service (configuration section "Segmentation"). Without an
/// <see cref="Endpoint"/> the classical segmenter runs in-process.
/// </summary>
public sealed class RemoteSegmentationOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Segmentation";

    /// <summary>The service's base address, e.g. https://seg.example.net/. Null: segment in-process.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The service's API key, sent as X-Api-Key. Keep it in a secret store or the environment.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Model for the primary strategy; null uses the service's default model.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// Model for the alternate strategy (a redo). Null: the redo runs the classical fine pass in-process, which
    /// fails differently from any network, so a second try is not the same mistake.
    /// </summary>
    public string? AlternateModel { get; set; }

    /// <summary>
    /// Long side of the copy sent to the service, in pixels. Default 2048: every supported model works at
    /// 1024 px or less, and the matte is refined back to full resolution here, against the master.
    /// </summary>
    [Range(320, 8192)]
    public int UploadLongSide { get; set; } = 2048;

    /// <summary>JPEG quality of the uploaded copy. Default 95.</summary>
    [Range(50, 100)]
    public int UploadQuality { get; set; } = 95;

    /// <summary>Limit on one HTTP attempt, queueing on the service included. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt, within one activity execution. Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off between attempts, doubled each time with jitter. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest Retry-After honoured in-process. Default 30 s; a longer wait is cut to this, and the activity's
    /// durable retries carry on from there without holding a worker.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed calls in <see cref="BreakerSamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the circuit may open. Default 4.</summary>
    [Range(2, 1000)]
    public int BreakerMinimumThroughput { get; set; } = 4;

    /// <summary>The window over which failures are counted. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls at once before one probe goes through. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Which products the in-process classical segmenter may cut out while the service is unavailable. Default
    /// <see cref="SegmentationFallback.Simple"/>: it handles those well, and harder ones wait for the service
    /// through the activity's durable retries.
    /// </summary>
    public SegmentationFallback Fallback { get; set; } = SegmentationFallback.Simple;

    /// <summary>Whether the fallback may stand in for a product of this complexity.</summary>
    public bool AllowsFallback(ProductComplexity complexity) => Fallback switch
    {
        SegmentationFallback.Simple => complexity == ProductComplexity.Simple,
        SegmentationFallback.SimpleAndMedium => complexity != ProductComplexity.Complex,
        _ => false,
    };

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint is not null && !Endpoint.IsAbsoluteUri)
        {
            yield return new ValidationResult("Segmentation:Endpoint must be an absolute http(s) address.", [nameof(Endpoint)]);
        }
        else if (Endpoint is not null && Endpoint.Scheme != Uri.UriSchemeHttps && Endpoint.Scheme != Uri.UriSchemeHttp)
        {
            yield return new ValidationResult("Segmentation:Endpoint must use http or https.", [nameof(Endpoint)]);
        }

        if (Endpoint is not null && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult("Segmentation:ApiKey is required with an endpoint; the service refuses anonymous calls.", [nameof(ApiKey)]);
        }
    }
}
