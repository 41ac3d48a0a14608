using System.Net;
using System.Net.Http.Headers;
using ShelfReady.SegmentationService.Tests.Infrastructure;

namespace ShelfReady.SegmentationService.Tests.Endpoints;

/// <summary>
/// A queue of one in front of the heavier model, one request per batch: a burst overflows it, and the overflow
/// is told when to come back instead of piling up.
/// </summary>
public sealed class OverloadTests : IAsyncLifetime
{
    private ServiceHost host = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Inference:ModelsDirectory"] = Repository.ModelsDirectory,
            ["SegmentationService:Models:0"] = "studio-conv",
            ["SegmentationService:DefaultModel"] = "studio-conv",
            ["SegmentationService:ApiKeys:0"] = ServiceHost.ApiKey,
            ["Inference:MaxBatch"] = "1",
            ["SegmentationService:MaxBatchWait"] = "00:00:00",
            ["SegmentationService:QueueCapacity"] = "1",
        };
        host = await ServiceHost.StartAsync(settings, CancellationToken.None);
    }

    [Fact]
    public async Task Segment_BurstOverAFullQueue_Returns429WithRetryAfter()
    {
        const int burst = 24;
        var body = TestImages.Jpeg(800, 600, 31);
        using var client = host.Client();

        var responses = await Task.WhenAll(Enumerable.Range(0, burst).Select(_ => PostAsync(client, body)));

        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(refused, r => Assert.True(
            r.Headers.RetryAfter?.Delta is { } delta && delta >= TimeSpan.FromSeconds(1),
            $"Retry-After was '{r.Headers.RetryAfter}'."));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return await client.PostAsync(new Uri("/v1/segment", UriKind.Relative), content, Token);
    }
}
