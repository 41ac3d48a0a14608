using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Durable.AzureStorage;
using ShelfReady.Host.Batches;
using ShelfReady.Host.Cli;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Benchmarks.Orchestration;

/// <summary>
/// <c>engine-throughput [images] [embedded|azurestorage] [connection string]</c>: the same batch of distinct 12 MP
/// studio JPEGs (one Amazon main export each) run as <c>process</c> runs it, on the embedded engine over a folder
/// or on the Durable Task Framework's Azure Storage backend with the blobs on the same account (Azurite:
/// <c>npx azurite --inMemoryPersistence --silent</c>). Reports images per second on this host's cores.
/// </summary>
internal static class EngineThroughput
{
    private const string Merchant = "bench";
    private const string Batch = "engine";
    private const string AzuriteDefault = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    public static async Task RunAsync(string[] args)
    {
        var images = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
        var onTaskHub = args.Length > 1 && args[1] == "azurestorage";
        var connection = args.Length > 2 ? args[2] : AzuriteDefault;
        var (files, _) = BenchmarkPhotos.Get(images);
        var root = Directory.CreateTempSubdirectory("shelfready-engine-throughput-").FullName;
        try
        {
            var settings = HostServices.UnderFolder(root);
            if (onTaskHub)
            {
                settings["Storage:Kind"] = "AzureBlob";
                settings["Storage:ConnectionString"] = connection;
                settings["Engine:Kind"] = "AzureStorage";
                settings["Engine:ConnectionString"] = connection;
                settings["Engine:TaskHubName"] = "bench" + Guid.NewGuid().ToString("N")[..8];
                settings["Engine:MaxPollingInterval"] = "00:00:01";
            }

            await using var services = HostServices.Build(settings);
            await PrepareAsync(services.GetRequiredService<IBlobStore>(), files);
            var (start, stop) = Engine(services, onTaskHub);
            await start();
            var result = await services.GetRequiredService<BatchRunner>().RunAsync(Merchant, Batch, null, CancellationToken.None);
            await stop();
            var seconds = result.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(onTaskHub ? "Azure Storage task hub" : "embedded SQLite engine")}: {result.Images.Count} images of 12 MP, amazon_main, {Environment.ProcessorCount} cores"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {result.Count(ImageRunState.Exported)} exported, {result.Count(ImageRunState.Failed)} failed in {seconds:0.0} s: {result.Images.Count / seconds:0.00} images/s"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static (Func<Task> Start, Func<Task> Stop) Engine(IServiceProvider services, bool onTaskHub)
    {
        if (onTaskHub)
        {
            var hub = services.GetRequiredService<AzureStorageWorkflowEngine>();
            return (hub.StartAsync, hub.StopAsync);
        }

        var embedded = services.GetRequiredService<WorkflowEngine>();
        return (() => embedded.StartAsync(), () => embedded.StopAsync(CancellationToken.None));
    }

    private static async Task PrepareAsync(IBlobStore store, IReadOnlyList<string> files)
    {
        await store.WriteAsync(WorkPaths.Settings(Merchant), PipelineJson.Bytes(MerchantSettings.Default with { Platforms = ["amazon_main"] }), CancellationToken.None);
        foreach (var file in files)
        {
            await store.WriteAsync(new BlobPath(BlobContainers.Uploads, $"{Merchant}/{Batch}/{Path.GetFileName(file)}"), await File.ReadAllBytesAsync(file), CancellationToken.None);
        }
    }
}
