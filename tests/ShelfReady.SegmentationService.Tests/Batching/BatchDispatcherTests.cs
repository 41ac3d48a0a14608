using Microsoft.Extensions.Logging.Abstractions;
using NetVips;
using ShelfReady.Inference;
using ShelfReady.Inference.Models;
using ShelfReady.Inference.Segmentation;
using ShelfReady.SegmentationService.Batching;
using ShelfReady.SegmentationService.Tests.Infrastructure;

namespace ShelfReady.SegmentationService.Tests.Batching;

/// <summary>The dispatcher over the real tiny model.</summary>
public sealed class BatchDispatcherTests : IDisposable
{
    private readonly OnnxSegmentationModel model = OnnxSegmentationModel.Open(
        ModelCard.LoadAll(Repository.ModelsDirectory).Single(c => c.Name == "studio-tiny"),
        new InferenceOptions { ModelsDirectory = Repository.ModelsDirectory });

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TryEnqueue_CancelledBeforeItsBatch_IsDroppedWhileOthersComplete()
    {
        using var dispatcher = Create(maxBatch: 4, wait: TimeSpan.FromMilliseconds(100), capacity: 8);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var dropped = dispatcher.TryEnqueue(Photo(7), cancelled.Token);
        var kept = dispatcher.TryEnqueue(Photo(8), Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dropped!);
        var outcome = await kept!;
        using var mask = outcome.Result;
        Assert.Equal(1, outcome.BatchSize);
        Assert.Equal((300, 200), (mask.Matte.Width, mask.Matte.Height));
    }

    [Fact]
    public async Task TryEnqueue_FullQueue_ReturnsNullAndLeavesTheItemToTheCaller()
    {
        using var dispatcher = Create(maxBatch: 1, wait: TimeSpan.Zero, capacity: 1);
        var accepted = new List<Task<BatchOutcome<SegmentationMask>>>();
        Image? refused = null;
        for (var i = 0; i < 16 && refused is null; i++)
        {
            var photo = Photo(i);
            var pending = dispatcher.TryEnqueue(photo, Token);
            if (pending is null)
            {
                refused = photo;
            }
            else
            {
                accepted.Add(pending);
            }
        }

        Assert.NotNull(refused);
        Assert.Equal(300, refused.Width);
        refused.Dispose();
        foreach (var outcome in await Task.WhenAll(accepted))
        {
            outcome.Result.Dispose();
        }

        Assert.True(dispatcher.EstimatedWait > TimeSpan.Zero);
    }

    public void Dispose() => model.Dispose();

    private static Image Photo(int seed)
    {
        using var shot = TestImages.Shot(300, 200, seed);
        return shot.Photo.Copy();
    }

    private BatchDispatcher<Image, SegmentationMask> Create(int maxBatch, TimeSpan wait, int capacity) =>
        new(new BatchDispatcherSettings("test", maxBatch, wait, capacity), model.Segment, TimeProvider.System, NullLogger.Instance);
}
