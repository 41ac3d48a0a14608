using System.Text.Json;
using ShelfReady.Functions.Review;
using ShelfReady.Functions.Triggers;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Functions.Tests.Build;

/// <summary>Reads the functions.metadata the Functions SDK wrote for the app, which is what the Functions host indexes.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly JsonElement[] Functions = Load();

    [Fact]
    public void Metadata_EveryActivity_HasOneActivityTriggerUnderItsSharedName()
    {
        var activities = typeof(ActivityNames).GetFields().Select(f => (string)f.GetValue(null)!).ToList();

        foreach (var name in activities)
        {
            var binding = Assert.Single(Bindings(name));
            Assert.Equal("activityTrigger", binding.GetProperty("type").GetString());
        }

        Assert.Equal(activities.Count, Functions.Count(f => Bindings(f.GetProperty("name").GetString()!).Any(b => b.GetProperty("type").GetString() == "activityTrigger")));
    }

    [Fact]
    public void Metadata_Workflows_AreOrchestrationTriggers()
    {
        foreach (var name in new[] { WorkflowNames.ProcessImage, WorkflowNames.ProcessBatch })
        {
            Assert.Equal("orchestrationTrigger", Assert.Single(Bindings(name)).GetProperty("type").GetString());
        }
    }

    [Fact]
    public void Metadata_UploadTrigger_IsAnEventGridBlobTriggerWithADurableClient()
    {
        var bindings = Bindings(UploadTrigger.FunctionName);

        var blob = Assert.Single(bindings, b => b.GetProperty("type").GetString() == "blobTrigger");
        Assert.Equal("uploads/{merchant}/{batch}/{name}", blob.GetProperty("path").GetString());
        Assert.Equal("EventGrid", blob.GetProperty("source").GetString());
        Assert.Equal(UploadTrigger.Connection, blob.GetProperty("connection").GetString());
        Assert.Single(bindings, b => b.GetProperty("type").GetString() == "durableClient");
    }

    [Theory]
    [InlineData("JobStatus", "api/jobs/{instanceId}", "function", "get", true)]
    [InlineData("Health", "api/health", "anonymous", "get", false)]
    [InlineData("ReviewPage", "review/{link}", "anonymous", "get,post", true)]
    [InlineData("ReviewImage", "review/{link}/image/{kind}", "anonymous", "get", false)]
    [InlineData("ReviewQueue", "review/queue/{link}", "anonymous", "get", false)]
    public void Metadata_HttpFunctions_HaveTheirRoutesMethodsAndAuthorization(string name, string route, string authLevel, string methods, bool usesDurableClient)
    {
        var bindings = Bindings(name);

        var http = Assert.Single(bindings, b => b.GetProperty("type").GetString() == "httpTrigger");
        Assert.Equal(route, http.GetProperty("route").GetString());
        Assert.Equal(authLevel, http.GetProperty("authLevel").GetString(), ignoreCase: true);
        Assert.Equal(methods.Split(','), http.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(usesDurableClient, bindings.Any(b => b.GetProperty("type").GetString() == "durableClient"));
    }

    [Fact]
    public void Metadata_DecisionRedelivery_IsATimerWithADurableClient()
    {
        var bindings = Bindings(ReviewDecisionRedelivery.FunctionName);

        Assert.Equal("0 */10 * * * *", Assert.Single(bindings, b => b.GetProperty("type").GetString() == "timerTrigger").GetProperty("schedule").GetString());
        Assert.Single(bindings, b => b.GetProperty("type").GetString() == "durableClient");
    }

    [Fact]
    public void HostJson_RoutePrefix_IsEmptySoReviewLinksReadAsOnServe()
    {
        using var host = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "host.json")));

        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void Metadata_FunctionCount_IsTheTriggerTwoOrchestratorsTheActivitiesFiveHttpFunctionsAndTheTimer()
    {
        Assert.Equal(1 + 2 + typeof(ActivityNames).GetFields().Length + 5 + 1, Functions.Length);
    }

    private static List<JsonElement> Bindings(string function) =>
        [.. Assert.Single(Functions, f => f.GetProperty("name").GetString() == function).GetProperty("bindings").EnumerateArray()];

    private static JsonElement[] Load()
    {
        // The app's own build output, copied beside the test binaries by the project reference's build.
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return [.. document.RootElement.EnumerateArray().Select(f => f.Clone())];
    }
}
