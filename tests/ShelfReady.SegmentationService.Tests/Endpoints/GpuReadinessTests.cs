using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShelfReady.Inference;
using ShelfReady.SegmentationService.Tests.Infrastructure;

namespace ShelfReady.SegmentationService.Tests.Endpoints;

/// <summary>
/// A service configured for CUDA then CPU, on this CPU-only build: the model still loads (on CPU), but the
/// service must not report ready, because a GPU container silently running on CPU is a fault. Its allow-list
/// is empty, so URL input is refused.
/// </summary>
public sealed class GpuReadinessTests : IAsyncLifetime
{
    private ServiceHost host = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Inference:ModelsDirectory"] = Repository.ModelsDirectory,
            ["SegmentationService:Models:0"] = "studio-tiny",
            ["SegmentationService:ApiKeys:0"] = ServiceHost.ApiKey,
            ["Inference:ExecutionProviders:0"] = "CUDA",
            ["Inference:ExecutionProviders:1"] = "CPU",
        };
        host = await ServiceHost.StartAsync(settings, CancellationToken.None);
    }

    [Fact]
    public async Task Readyz_CudaConfiguredButCpuActive_Returns503MentioningCuda()
    {
        using var client = host.Client(apiKey: null);

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Token);
        using var alive = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("not ready", json.RootElement.GetProperty("status").GetString());
        Assert.Contains("CUDA", json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("CPU", json.RootElement.GetProperty("models")[0].GetProperty("provider").GetString());
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public void InferenceOptions_ConfiguredProviders_ReplaceTheDefaultList()
    {
        var options = host.Services.GetRequiredService<IOptions<InferenceOptions>>().Value;

        Assert.Equal(["CUDA", "CPU"], options.ExecutionProviders);
        Assert.Equal(Repository.ModelsDirectory, options.ModelsDirectory);
    }

    [Fact]
    public async Task Segment_UrlWithNoAllowList_Returns400()
    {
        using var client = host.Client();

        using var response = await client.PostAsJsonAsync("/v1/segment", new { url = "https://example.blob.core.windows.net/uploads/shot.jpg" }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no AllowedBlobHosts are configured", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();
}
