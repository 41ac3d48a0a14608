using ShelfReady.Orchestration.Execution;

namespace ShelfReady.Orchestration.Tests.Execution;

public sealed class ExternalEventBufferTests
{
    private static readonly DateTime Received = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Deliver_WaitCancelledBefore_EventStaysBufferedForNextWait()
    {
        var buffer = new ExternalEventBuffer();
        using var cancel = new CancellationTokenSource();
        var abandoned = buffer.Wait("decision", cancel.Token);
        cancel.Cancel();

        buffer.Deliver("decision", "\"approved\"", Received);
        var next = buffer.Wait("DECISION", CancellationToken.None);

        Assert.True(abandoned.IsCanceled);
        Assert.True(next.IsCompletedSuccessfully);
        Assert.Equal("\"approved\"", await next);
        Assert.Empty(buffer.Buffered);
    }

    [Fact]
    public async Task Deliver_TwoWaiters_FirstWaiterFirst()
    {
        var buffer = new ExternalEventBuffer();
        var first = buffer.Wait("photo", CancellationToken.None);
        var second = buffer.Wait("photo", CancellationToken.None);

        buffer.Deliver("photo", "1", Received);

        Assert.True(first.IsCompletedSuccessfully);
        Assert.Equal("1", await first);
        Assert.False(second.IsCompleted);
    }

    [Fact]
    public void Wait_CancelledToken_ConsumesNothing()
    {
        var buffer = new ExternalEventBuffer();
        buffer.Deliver("decision", "\"approved\"", Received);

        var wait = buffer.Wait("decision", new CancellationToken(canceled: true));

        Assert.True(wait.IsCanceled);
        Assert.Equal(new PendingEvent("decision", "\"approved\"", Received), Assert.Single(buffer.Buffered));
    }
}
