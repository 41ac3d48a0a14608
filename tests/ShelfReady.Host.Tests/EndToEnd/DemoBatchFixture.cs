using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Host.Batches;
using ShelfReady.Host.Cli;
using ShelfReady.Host.Demo;
using ShelfReady.Host.Storage;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Host.Tests.EndToEnd;

/// <summary>
/// Runs one generated batch — 40 products of every complexity plus the broken files — through the real
/// pipeline on the embedded engine and a folder store, once for all the end-to-end assertions.
/// </summary>
public sealed class DemoBatchFixture : IAsyncLifetime
{
    public const string Merchant = "e2e";
    public const string Batch = "shoot";
    private const int Products = 40;

    private readonly string root = Directory.CreateTempSubdirectory("shelfready-e2e-").FullName;
    private ServiceProvider? services;

    public FolderBlobStore Store { get; private set; } = null!;

    public IReadOnlyList<DemoFile> Files { get; private set; } = [];

    public BatchRunResult Result { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        services = HostServices.Build(HostServices.UnderFolder(root));
        Store = (FolderBlobStore)services.GetRequiredService<IBlobStore>();
        Files = await new DemoBatchWriter(Store).WriteAsync(Merchant, Batch, Products, seed: 2027, longSide: 1200, CancellationToken.None);
        var engine = services.GetRequiredService<WorkflowEngine>();
        await engine.StartAsync();
        Result = await services.GetRequiredService<BatchRunner>().RunAsync(Merchant, Batch, null, CancellationToken.None);
        await engine.StopAsync(CancellationToken.None);
    }

    public ImageRun RunOf(DemoFile file) => Result.Images.Single(run => run.Upload.FileName == file.Name);

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        Directory.Delete(root, recursive: true);
    }
}
