using ShelfReady.Host.Memory;
using ShelfReady.Imaging.Metadata;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Tests.Memory;

public sealed class ImageMemoryGateTests
{
    private const long PixelCap = 1_000_000;
    private const long CapImageBytes = PixelCap * ImageMemoryGate.BytesPerPixel;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wrap_HeavyStepsOfImagesNotYetIngested_RunOnlyAsManyAsFitAtThePixelCap()
    {
        var probe = new ParkedActivity();
        var gate = new ImageMemoryGate(new MemoryBudget((CapImageBytes * 5) / 2), PixelCap, [ActivityNames.Segment]);
        var segment = gate.Wrap(ActivityNames.Segment, probe);

        var runs = Enumerable.Range(0, 6).Select(i => segment.RunAsync(Context($"image-{i}"), null)).ToList();

        await probe.WaitUntilRunningAsync(2);
        await Task.Delay(300, Token);
        probe.ReleaseAll();
        await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(10), Token);
        Assert.Equal(2, probe.MostRunning);
    }

    [Fact]
    public async Task Wrap_AfterIngestToldTheirSize_SmallImagesStepsRunSideBySide()
    {
        var probe = new ParkedActivity();
        var gate = new ImageMemoryGate(new MemoryBudget((CapImageBytes * 5) / 2), PixelCap, [ActivityNames.Ingest, ActivityNames.Segment]);
        var ingest = gate.Wrap(ActivityNames.Ingest, new IngestedActivity(width: 100, height: 100));
        for (var i = 0; i < 6; i++)
        {
            await ingest.RunAsync(Context($"image-{i}"), null);
        }

        var segment = gate.Wrap(ActivityNames.Segment, probe);
        var runs = Enumerable.Range(0, 6).Select(i => segment.RunAsync(Context($"image-{i}"), null)).ToList();

        await probe.WaitUntilRunningAsync(6);
        probe.ReleaseAll();
        await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(10), Token);
        Assert.Equal(6, probe.MostRunning);
    }

    [Fact]
    public void Wrap_StepThatHoldsNoImage_IsLeftUngated()
    {
        var activity = new ParkedActivity();
        var gate = new ImageMemoryGate(new MemoryBudget(CapImageBytes), PixelCap, [ActivityNames.Segment]);

        Assert.Same(activity, gate.Wrap(ActivityNames.DeliverWebhook, activity));
    }

    private static ActivityContext Context(string instanceId) => new(ActivityNames.Segment, instanceId, Token);

    /// <summary>Counts how many runs are inside it at once; each stays until released.</summary>
    private sealed class ParkedActivity : IActivity
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int running;
        private int mostRunning;

        public Type InputType => typeof(object);

        public int MostRunning => Volatile.Read(ref mostRunning);

        public async Task<object?> RunAsync(ActivityContext context, object? input)
        {
            var now = Interlocked.Increment(ref running);
            for (var most = Volatile.Read(ref mostRunning); now > most; most = Volatile.Read(ref mostRunning))
            {
                Interlocked.CompareExchange(ref mostRunning, now, most);
            }

            await released.Task;
            Interlocked.Decrement(ref running);
            return null;
        }

        public void ReleaseAll() => released.TrySetResult();

        public async Task WaitUntilRunningAsync(int count)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(Token);
            limit.CancelAfter(TimeSpan.FromSeconds(10));
            while (Volatile.Read(ref running) < count)
            {
                await Task.Delay(10, limit.Token);
            }
        }
    }

    /// <summary>An ingest that accepted an image of the given size.</summary>
    private sealed class IngestedActivity(int width, int height) : IActivity
    {
        public Type InputType => typeof(object);

        public Task<object?> RunAsync(ActivityContext context, object? input) =>
            Task.FromResult<object?>(new IngestOutput(true, null, null, null, width, height, "jpeg", "group", ImageMetadata.Empty, []));
    }
}
