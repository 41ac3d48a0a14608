using System.Net;
using System.Net.Http.Headers;
using ShelfReady.SegmentationService.Tests.Infrastructure;

namespace ShelfReady.SegmentationService.Tests.Endpoints;

/// <summary>API keys guard <c>/v1</c>; the probes stay open.</summary>
[Collection(ServiceCollectionDefinition.Name)]
public sealed class AuthenticationTests(ServiceFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Segment_MissingOrWrongKey_Returns401AndRightKeysReturn200()
    {
        var body = TestImages.Jpeg(240, 180, 9);

        using var missing = await PostAsync(fixture.Host.Client(apiKey: null), body);
        using var wrong = await PostAsync(fixture.Host.Client("wrong-key-0123456789abcdef"), body);
        using var right = await PostAsync(fixture.Host.Client(), body);
        using var second = await PostAsync(fixture.Host.Client(ServiceFixture.SecondApiKey), body);
        using var bearer = fixture.Host.Client(apiKey: null);
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServiceHost.ApiKey);
        using var viaBearer = await PostAsync(bearer, body);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaBearer.StatusCode);
    }

    [Fact]
    public async Task Models_MissingKey_Returns401()
    {
        using var client = fixture.Host.Client(apiKey: null);

        using var response = await client.GetAsync(new Uri("/v1/models", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Probes_WithoutKey_AreOpen()
    {
        using var client = fixture.Host.Client(apiKey: null);

        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Token);
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] body)
    {
        using (client)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            return await client.PostAsync(new Uri("/v1/segment", UriKind.Relative), content, Token);
        }
    }
}
