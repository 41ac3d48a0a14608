using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using ShelfReady.SegmentationService.Options;
using ShelfReady.SegmentationService.Tests.Infrastructure;

namespace ShelfReady.SegmentationService.Tests.Options;

public sealed class SegmentationServiceOptionsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Validate_OutOfRangeValues_NamesEachOne()
    {
        var options = new SegmentationServiceOptions { MaxBatchWait = TimeSpan.FromSeconds(2), QueueCapacity = 0, MaxRequestBytes = 10, AllowAnonymous = true };
        options.ApiKeys.Add("short");
        options.AllowedBlobHosts.Add("not a host");

        var result = new SegmentationServiceOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        foreach (var name in new[] { "MaxBatchWait", "QueueCapacity", "MaxRequestBytes", "API key", "AllowedBlobHosts entry 'not a host'" })
        {
            Assert.Contains(name, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_DefaultsWithOneKey_Succeeds()
    {
        var options = new SegmentationServiceOptions();
        options.ApiKeys.Add(ServiceHost.ApiKey);
        options.AllowedBlobHosts.Add("*.blob.core.windows.net");

        Assert.True(new SegmentationServiceOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public async Task Start_NoKeysAndNoAllowAnonymous_RefusesToStart()
    {
        var app = SegmentationServiceApp.Build(ServiceHost.Arguments(new Dictionary<string, string>
        {
            ["Inference:ModelsDirectory"] = Repository.ModelsDirectory,
        }));
        await using (app)
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(Token));
            Assert.Contains("No ApiKeys are configured", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Start_NoKeysWithAllowAnonymous_ServesWithoutKey()
    {
        await using var host = await ServiceHost.StartAsync(new Dictionary<string, string>
        {
            ["Inference:ModelsDirectory"] = Repository.ModelsDirectory,
            ["SegmentationService:Models:0"] = "studio-tiny",
            ["SegmentationService:AllowAnonymous"] = "true",
        }, Token);
        using var client = host.Client(apiKey: null);
        using var content = new ByteArrayContent(TestImages.Jpeg(200, 150, 4));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");

        using var response = await client.PostAsync(new Uri("/v1/segment", UriKind.Relative), content, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
