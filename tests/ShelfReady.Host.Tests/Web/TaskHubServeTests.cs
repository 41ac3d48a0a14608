using Azure.Storage.Blobs;
using ShelfReady.Adapters.Storage;
using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Orchestration;
using ShelfReady.Imaging;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Tests.Web;

/// <summary>
/// serve with <c>Engine:Kind=AzureStorage</c>: the same workflows on the Durable Task Framework's Azure Storage
/// backend, its task hub and the pipeline's blobs on one real Azurite account.
/// </summary>
public sealed class TaskHubServeTests(AzuriteAccountFixture azurite) : IClassFixture<AzuriteAccountFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_OnTheTaskHub_DroppedBatchIsExportedDeliveredAndADuplicateStartsNothing()
    {
        await using var serve = Serve("hubbatch");
        await serve.ConfigureMerchantAsync(MerchantSettings.Default with { Platforms = ["amazon_main"] });
        await serve.StartAsync();
        var jobs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            jobs.Add(await serve.UploadAsync("hub", $"shot-{i}.jpg", Spec(i)));
        }

        await serve.Blobs.WriteAsync(new BlobPath(BlobContainers.Uploads, $"{ServeHarness.Merchant}/hub/manifest.json"), """{"images":[{"file":"shot-0.jpg"},{"file":"shot-1.jpg"},{"file":"shot-2.jpg"}]}"""u8.ToArray(), Token);
        var outcomes = new List<ImageOutcome>();
        foreach (var job in jobs)
        {
            outcomes.Add(await serve.WaitForOutcomeAsync(job));
        }

        var batch = await serve.Workflows.WaitForCompletionAsync(JobIdentity.BatchInstanceId(ServeHarness.Merchant, "hub"), Token);
        var first = await serve.Workflows.GetStatusAsync(JobIdentity.ImageInstanceId(jobs[0]), Token);
        var again = await serve.Workflows.ScheduleNewWorkflowAsync(WorkflowNames.ProcessImage, new ProcessImageInput(jobs[0], ServeHarness.Merchant, "hub", new BlobPath(BlobContainers.Uploads, "acme/hub/shot-0.jpg")), JobIdentity.ImageInstanceId(jobs[0]), Token);
        var afterwards = await serve.Workflows.GetStatusAsync(again, Token);

        Assert.All(outcomes, o => Assert.True(o.Status == ImageStatus.Exported, $"{o.Job.Source}: {o.Status} {o.Reason}"));
        Assert.All(outcomes, o => Assert.Single(Assert.Single(o.Exports).Files));
        Assert.True(batch.RuntimeStatus == WorkflowRuntimeStatus.Completed, $"{batch.RuntimeStatus}: {batch.FailureDetails?.ErrorMessage}");
        var package = batch.ReadOutputAs<PackageOutput>()!;
        Assert.Empty(package.Missing);
        Assert.NotNull(await serve.Blobs.GetPropertiesAsync(package.Zip, Token));
        Assert.Equal(WorkflowRuntimeStatus.Completed, first!.RuntimeStatus);
        Assert.Equal(first.CreatedAt, afterwards!.CreatedAt);
        Assert.Equal(WorkflowRuntimeStatus.Completed, afterwards.RuntimeStatus);
    }

    private ServeHarness Serve(string hub) => new(
        new Dictionary<string, string?>
        {
            ["Storage:Kind"] = "AzureBlob",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Engine:Kind"] = "AzureStorage",
            ["Engine:ConnectionString"] = azurite.ConnectionString,
            ["Engine:TaskHubName"] = hub,
            ["Engine:MaxPollingInterval"] = "00:00:01",
            ["Watcher:BatchPollInterval"] = "00:00:00.500",
        },
        blobs: new AzureBlobStore(new BlobServiceClient(azurite.ConnectionString)));

    private static StudioShotSpec Spec(int i) => new() { Seed = 800 + i, Width = 1000, Height = 750, Complexity = ProductComplexity.Simple, Category = "electronics" };
}
