using Microsoft.Extensions.Options;

namespace ShelfReady.SegmentationService.Options;

/// <summary>Checks <see cref="SegmentationServiceOptions"/> at start-up, reporting every bad value at once.</summary>
public sealed class SegmentationServiceOptionsValidator : IValidateOptions<SegmentationServiceOptions>
{
    private const int MinimumKeyLength = 16;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SegmentationServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Require(failures, !string.IsNullOrWhiteSpace(options.DefaultModel), "DefaultModel must name a model.");
        Require(failures, options.Models.Count == 0 || options.Models.Contains(options.DefaultModel, StringComparer.Ordinal),
            $"DefaultModel '{options.DefaultModel}' must be one of Models ({string.Join(", ", options.Models)}).");
        Require(failures, options.MaxBatchWait >= TimeSpan.Zero && options.MaxBatchWait <= TimeSpan.FromSeconds(1),
            $"MaxBatchWait must be within [0, 1 s], was {options.MaxBatchWait}.");
        Require(failures, options.QueueCapacity is >= 1 and <= 100_000, $"QueueCapacity must be within [1, 100000], was {options.QueueCapacity}.");
        Require(failures, options.MaxRequestBytes is >= 1024 and <= 1L << 30, $"MaxRequestBytes must be within [1 KiB, 1 GiB], was {options.MaxRequestBytes}.");
        Require(failures, options.MaxPixels is >= 1_000_000 and <= 500_000_000, $"MaxPixels must be within [1 MP, 500 MP], was {options.MaxPixels}.");
        Require(failures, options.MinLongSide is >= 1 and <= 10_000, $"MinLongSide must be within [1, 10000], was {options.MinLongSide}.");
        Require(failures, options.RequestTimeout >= TimeSpan.FromSeconds(1) && options.RequestTimeout <= TimeSpan.FromMinutes(10),
            $"RequestTimeout must be within [1 s, 10 min], was {options.RequestTimeout}.");
        Require(failures, options.ApiKeys.Count > 0 || options.AllowAnonymous,
            "No ApiKeys are configured. Set SegmentationService:ApiKeys (e.g. SegmentationService__ApiKeys__0 from a secret), or set SegmentationService:AllowAnonymous=true to run without authentication.");
        Require(failures, options.ApiKeys.All(k => k is { Length: >= MinimumKeyLength } && k.Trim() == k),
            $"Every API key must be at least {MinimumKeyLength} characters without surrounding spaces.");
        foreach (var host in options.AllowedBlobHosts)
        {
            Require(failures, IsHostPattern(host), $"AllowedBlobHosts entry '{host}' must be a host name, optionally starting with '*.'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHostPattern(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return false;
        }

        var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        return Uri.CheckHostName(name) != UriHostNameType.Unknown;
    }

    private static void Require(List<string> failures, bool condition, string message)
    {
        if (!condition)
        {
            failures.Add(message);
        }
    }
}
