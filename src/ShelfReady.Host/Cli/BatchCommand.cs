using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Host.Batches;
using ShelfReady.Host.Composition;
using ShelfReady.Host.Reports;
using ShelfReady.Host.Storage;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Review;
using ShelfReady.Review.Email;
using ShelfReady.Review.Links;
using Microsoft.Extensions.Options;

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
            if (result.Count(ImageRunState.AwaitingReview) > 0)
            {
                PrintReviewWhere(services, merchant, batch);
            }

            var failed = result.Count(ImageRunState.Failed) + result.Count(ImageRunState.Rejected);
            return failOnErrors && failed > 0 ? 1 : 0;
        }
        finally
        {
            await engine.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    // The queue link is signed for the fallback reviewer (or the merchant's first) and works once serve runs on this folder.
    private static void PrintReviewWhere(ServiceProvider services, string merchant, string batch)
    {
        var review = services.GetRequiredService<IOptions<ReviewOptions>>().Value;
        var signer = services.GetRequiredService<ReviewLinkSigner>();
        var token = signer.Sign(new QueueLink(merchant, review.FallbackReviewer, services.GetRequiredService<TimeProvider>().GetUtcNow() + signer.LinkLifetime));
        var queue = new Uri(review.PublicBaseUrl!, $"review/queue/{token}?batch={Uri.EscapeDataString(batch)}");
        var outbox = Path.GetFullPath(services.GetRequiredService<IOptions<ReviewEmailOptions>>().Value.OutboxFolder);
        var folder = Path.GetDirectoryName(Path.GetFullPath(services.GetRequiredService<IOptions<EngineSettings>>().Value.DatabasePath))!;
        RunPresenter.PrintReviewWhere(queue, outbox, review.FallbackReviewer, folder);
    }

    private static string Locate(IBlobStore store, BlobPath path) => store is FolderBlobStore folder ? folder.FilePath(path) : path.ToString();
}
