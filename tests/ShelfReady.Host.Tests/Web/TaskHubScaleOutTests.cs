using System.Diagnostics;
using Azure.Storage.Blobs;
using ShelfReady.Adapters.Storage;
using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Tests.Web;

/// <summary>
/// Scale-out without Functions: two serve processes share one task hub on a real Azurite account and work through a
/// batch of 30 images while one of them is killed with SIGKILL mid-batch and started again. Every image ends exported
/// once: one outcome each, exactly the files its outcome lists, each complete.
/// </summary>
public sealed class TaskHubScaleOutTests(AzuriteAccountFixture azurite) : IClassFixture<AzuriteAccountFixture>, IDisposable
{
    private const int Images = 30;
    private const string Batch = "scale";
    private static readonly string[] Hosts = ["a", "b"];
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);
    private readonly string root = Directory.CreateTempSubdirectory("shelfready-scaleout-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoServeHosts_OneKilledMidBatchAndRestarted_EveryImageExportedOnce()
    {
        var store = new AzureBlobStore(new BlobServiceClient(azurite.ConnectionString));
        var settings = MerchantSettings.Default with { Platforms = ["amazon_main"] };
        await store.WriteAsync(WorkPaths.Settings("acme"), PipelineJson.Bytes(settings), Token);
        var jobs = await UploadAsync(store);

        var survivor = Start("b");
        var victim = Start("a");
        Process? restarted = null;
        try
        {
            await WaitForOutcomesAsync(store, jobs, atLeast: 5);
            victim.Kill(entireProcessTree: true);
            await victim.WaitForExitAsync(Token);
            restarted = Start("a");
            await WaitForOutcomesAsync(store, jobs, atLeast: Images);
        }
        finally
        {
            await StopAsync(survivor);
            await StopAsync(victim);
            await StopAsync(restarted);
        }

        await AssertEachExportedOnceAsync(store, jobs);
        Assert.All(Hosts, host => Assert.Contains(ActivityNames.Export, File.ReadAllText(ServeProcess.JournalPath(Path.Combine(root, host))), StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static async Task<List<string>> UploadAsync(AzureBlobStore store)
    {
        var jobs = new List<string>();
        for (var i = 0; i < Images; i++)
        {
            using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Seed = 900 + i, Width = 900, Height = 700, Complexity = ProductComplexity.Simple, Category = "electronics" });
            var upload = new BlobPath(BlobContainers.Uploads, $"acme/{Batch}/shot-{i:00}.jpg");
            var content = shot.ToJpeg();
            await store.WriteAsync(upload, content, Token);
            jobs.Add(JobIdentity.JobId(upload.Name, JobIdentity.ContentHash(content)));
        }

        return jobs;
    }

    // Each host has its own folder for what is its own (engine database, outbox, journal); blobs and the task hub are shared.
    private Process Start(string host) => ServeProcess.Start(Path.Combine(root, host), new Dictionary<string, string>
    {
        ["SHELFREADY_Storage__Kind"] = "AzureBlob",
        ["SHELFREADY_Storage__ConnectionString"] = azurite.ConnectionString,
        ["SHELFREADY_Engine__Kind"] = "AzureStorage",
        ["SHELFREADY_Engine__ConnectionString"] = azurite.ConnectionString,
        ["SHELFREADY_Engine__TaskHubName"] = "scaleout",
        ["SHELFREADY_Engine__ImageWorkers"] = "1",
        ["SHELFREADY_Engine__MessageVisibilityTimeout"] = "00:00:20",
        ["SHELFREADY_Engine__MaxPollingInterval"] = "00:00:01",
        ["SHELFREADY_Imaging__MinLongSide"] = "300",
    });

    private static async Task WaitForOutcomesAsync(AzureBlobStore store, List<string> jobs, int atLeast)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var done = 0;
            foreach (var job in jobs)
            {
                done += await store.GetPropertiesAsync(WorkPaths.Outcome(job), Token) is null ? 0 : 1;
            }

            if (done >= atLeast)
            {
                return;
            }

            Assert.True(waited.Elapsed < Limit, $"Only {done} of {jobs.Count} images had an outcome after {Limit.TotalMinutes:0} minutes.");
            await Task.Delay(TimeSpan.FromMilliseconds(500), Token);
        }
    }

    private static async Task AssertEachExportedOnceAsync(AzureBlobStore store, List<string> jobs)
    {
        var files = new List<ExportedFile>();
        foreach (var job in jobs)
        {
            var outcome = PipelineJson.Read<ImageOutcome>(await store.ReadAsync(WorkPaths.Outcome(job), Token), "outcome");
            Assert.True(outcome.Status == ImageStatus.Exported, $"{outcome.Job.Source}: {outcome.Status} {outcome.Reason}");
            files.AddRange(outcome.Exports.SelectMany(e => e.Files));
        }

        var stored = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var blob in store.ListAsync(BlobContainers.Exports, $"acme/{Batch}/", Token))
        {
            stored[blob.Path.Name] = blob.Length;
        }

        Assert.Equal(files.Count, files.Select(f => f.Path.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(files.Select(f => f.Path.Name).Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(f.Bytes, stored[f.Path.Name]));
    }

    private static async Task StopAsync(Process? host)
    {
        if (host is null)
        {
            return;
        }

        if (!host.HasExited)
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync(CancellationToken.None);
        }

        host.Dispose();
    }
}
