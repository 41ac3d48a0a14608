using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ShelfReady.SegmentationService.Tests.Infrastructure;

namespace ShelfReady.SegmentationService.Tests.Models;

/// <summary>
/// A models folder holding studio-tiny and a copy of it whose card says the licence forbids commercial use:
/// the copy is served only after an explicit opt-in.
/// </summary>
public sealed class NonCommercialModelTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("shelfready-models-").FullName;

    public NonCommercialModelTests()
    {
        Copy("studio-tiny", "studio-tiny", commercialUse: true);
        Copy("studio-tiny", "studio-nc", commercialUse: false);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Load_AllInstalled_SkipsTheNonCommercialModel()
    {
        await using var host = await StartAsync(new Dictionary<string, string>());

        Assert.Equal(["studio-tiny"], await ModelNamesAsync(host));
    }

    [Fact]
    public async Task Load_NonCommercialModelListed_LeavesTheServiceNotReady()
    {
        await using var host = await StartAsync(new Dictionary<string, string> { ["SegmentationService:Models:0"] = "studio-tiny", ["SegmentationService:Models:1"] = "studio-nc" });
        using var client = host.Client(apiKey: null);

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("does not permit commercial use", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_NonCommercialAllowed_ServesBoth()
    {
        await using var host = await StartAsync(new Dictionary<string, string> { ["SegmentationService:AllowNonCommercialModels"] = "true" });

        Assert.Equal(["studio-nc", "studio-tiny"], await ModelNamesAsync(host));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private async Task<ServiceHost> StartAsync(Dictionary<string, string> settings)
    {
        settings["Inference:ModelsDirectory"] = directory;
        settings["SegmentationService:ApiKeys:0"] = ServiceHost.ApiKey;
        return await ServiceHost.StartAsync(settings, Token);
    }

    private static async Task<List<string>> ModelNamesAsync(ServiceHost host)
    {
        using var client = host.Client();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/v1/models", UriKind.Relative), Token));
        return [.. json.RootElement.EnumerateArray().Select(m => m.GetProperty("name").GetString()!)];
    }

    private void Copy(string source, string name, bool commercialUse)
    {
        var from = Path.Combine(Repository.ModelsDirectory, source);
        var to = Directory.CreateDirectory(Path.Combine(directory, name)).FullName;
        var card = JsonNode.Parse(File.ReadAllText(Path.Combine(from, "card.json")))!;
        File.Copy(Path.Combine(from, card["file"]!.GetValue<string>()), Path.Combine(to, card["file"]!.GetValue<string>()));
        card["name"] = name;
        card["provenance"]!["commercialUse"] = commercialUse;
        File.WriteAllText(Path.Combine(to, "card.json"), card.ToJsonString());
    }
}
