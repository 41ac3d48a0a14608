using System.Net;
using System.Text.Json;
using ShelfReady.SegmentationService.Tests.Infrastructure;

namespace ShelfReady.SegmentationService.Tests.Endpoints;

/// <summary><c>GET /v1/models</c> and <c>/readyz</c> on a CPU service.</summary>
[Collection(ServiceCollectionDefinition.Name)]
public sealed class CatalogEndpointTests(ServiceFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Models_Loaded_ListsEachWithCardInfo()
    {
        using var client = fixture.Host.Client();

        using var response = await client.GetAsync(new Uri("/v1/models", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var models = json.RootElement.EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Equal(["studio-conv", "studio-tiny"], models.Keys.Order(StringComparer.Ordinal));
        var tiny = models["studio-tiny"];
        Assert.Equal(320, tiny.GetProperty("inputWidth").GetInt32());
        Assert.Equal(320, tiny.GetProperty("inputHeight").GetInt32());
        Assert.Equal(8, tiny.GetProperty("maxBatch").GetInt32());
        Assert.Equal("CPU", tiny.GetProperty("provider").GetString());
        Assert.True(tiny.GetProperty("isDefault").GetBoolean());
        Assert.False(models["studio-conv"].GetProperty("isDefault").GetBoolean());
        Assert.False(string.IsNullOrEmpty(tiny.GetProperty("licence").GetString()));
    }

    [Fact]
    public async Task Readyz_CpuProviderConfigured_Returns200()
    {
        using var client = fixture.Host.Client(apiKey: null);

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("ready", json.RootElement.GetProperty("status").GetString());
    }
}
