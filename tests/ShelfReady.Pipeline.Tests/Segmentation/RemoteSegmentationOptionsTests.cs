using System.ComponentModel.DataAnnotations;
using ShelfReady.Imaging;
using ShelfReady.Pipeline.Segmentation;

namespace ShelfReady.Pipeline.Tests.Segmentation;

public sealed class RemoteSegmentationOptionsTests
{
    [Fact]
    public void Validate_Defaults_PassAndMeanInProcess()
    {
        var options = new RemoteSegmentationOptions();

        Assert.Empty(Errors(options));
        Assert.Null(options.Endpoint);
    }

    [Fact]
    public void Validate_EndpointWithoutKey_NamesTheKey()
    {
        var options = new RemoteSegmentationOptions { Endpoint = new Uri("https://seg.example.net/") };

        Assert.Contains(Errors(options), error => error.Contains("Segmentation:ApiKey", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ftp://seg.example.net/")]
    [InlineData("/relative")]
    public void Validate_EndpointNotHttp_IsRefused(string endpoint)
    {
        var options = new RemoteSegmentationOptions { Endpoint = new Uri(endpoint, UriKind.RelativeOrAbsolute), ApiKey = "a-key-of-sixteen-chars" };

        Assert.Contains(Errors(options), error => error.Contains("Segmentation:Endpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AttemptTimeoutOutOfRange_IsRefused()
    {
        var options = new RemoteSegmentationOptions { AttemptTimeout = TimeSpan.FromHours(1) };

        Assert.Contains(Errors(options), error => error.Contains(nameof(RemoteSegmentationOptions.AttemptTimeout), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SegmentationFallback.None, ProductComplexity.Simple, false)]
    [InlineData(SegmentationFallback.Simple, ProductComplexity.Simple, true)]
    [InlineData(SegmentationFallback.Simple, ProductComplexity.Medium, false)]
    [InlineData(SegmentationFallback.SimpleAndMedium, ProductComplexity.Medium, true)]
    [InlineData(SegmentationFallback.SimpleAndMedium, ProductComplexity.Complex, false)]
    public void AllowsFallback_ByMode_AllowsOnlyTheEasierProducts(SegmentationFallback mode, ProductComplexity complexity, bool allowed)
    {
        var options = new RemoteSegmentationOptions { Fallback = mode };

        Assert.Equal(allowed, options.AllowsFallback(complexity));
    }

    private static List<string> Errors(RemoteSegmentationOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(result => result.ErrorMessage ?? string.Empty)];
    }
}
