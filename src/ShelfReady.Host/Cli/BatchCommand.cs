using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Host.Batches;
using ShelfReady.Host.Reports;
using ShelfReady.Host.Storage;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Host.Cli;

/// <summary>What <c>demo</c> and <c>process</c> share: run a batch on the engine, report, summarise.</summary>
internal static class BatchCommand
{
    public static async Task<int> ProcessAsync(ServiceProvider services, string merchant, string batch, bool failOnErrors, CancellationToken cancellationToken)
    {
        var engine = services.GetRequiredService<WorkflowEngine>();
        await engine.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var runner = services.GetRequiredService<BatchRunner>();
            var result = await RunPresenter.RunWithProgressAsync(progress => runner.RunAsync(merchant, batch, progress, cancellationToken)).ConfigureAwait(false);
            var report = await services.GetRequiredService<BatchReportWriter>().WriteAsync(result, cancellationToken).ConfigureAwait(false);
            RunPresenter.PrintSummary(result, Locate(services.GetRequiredService<IBlobStore>(), report));
            var failed = result.Count(ImageRunState.Failed) + result.Count(ImageRunState.Rejected);
            return failOnErrors && failed > 0 ? 1 : 0;
        }
        finally
        {
            await engine.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static string Locate(IBlobStore store, BlobPath path) => store is FolderBlobStore folder ? folder.FilePath(path) : path.ToString();
}
