using Microsoft.Extensions.Hosting;
using ShelfReady.Review.Decisions;

namespace ShelfReady.Host.Review;

/// <summary>At start-up, delivers decisions that were recorded but not yet handed to the engine (a crash between the two).</summary>
internal sealed class ReviewDeliveryService(ReviewDecisionRecorder recorder) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => recorder.DeliverPendingAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
