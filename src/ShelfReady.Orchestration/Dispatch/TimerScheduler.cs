using ShelfReady.Orchestration.Execution;

namespace ShelfReady.Orchestration.Dispatch;

/// <summary>
/// Turns due durable timers into <see cref="MessageKind.TimerFired"/> messages. The timers table is the durable
/// copy; this queue is rebuilt from it on start, so timers that fell due while the process was down fire at once.
/// </summary>
internal sealed class TimerScheduler(TimeProvider timeProvider, Action<WorkMessage> fire)
{
    // A delay counts from when it is registered, not from when the next due time was computed. A clock that
    // moves further than this in between (a test's fake clock advanced, a stalled thread) would make the
    // delay late by that jump, so the due time is computed again instead.
    private static readonly TimeSpan ClockJumpTolerance = TimeSpan.FromMilliseconds(1);

    private readonly PriorityQueue<TimerItem, DateTime> queue = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Post(TimerItem timer)
    {
        TaskCompletionSource previous;
        lock (queue)
        {
            queue.Enqueue(timer, timer.FireAt);
            previous = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var (now, wait, wake) = FireDue();
            using var delay = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var elapsed = wait is { } due ? Task.Delay(due, timeProvider, delay.Token) : Task.Delay(Timeout.InfiniteTimeSpan, delay.Token);
            if (timeProvider.GetUtcNow().UtcDateTime - now <= ClockJumpTolerance)
            {
                await Task.WhenAny(elapsed, wake).ConfigureAwait(false);
            }

            await delay.CancelAsync().ConfigureAwait(false);
        }
    }

    private (DateTime Now, TimeSpan? Wait, Task Wake) FireDue()
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        lock (queue)
        {
            while (queue.TryPeek(out var timer, out var fireAt) && fireAt <= now)
            {
                queue.Dequeue();
                fire(new WorkMessage(timer.InstanceId, MessageKind.TimerFired, timer.TaskId, null, null, now));
            }

            TimeSpan? wait = queue.TryPeek(out _, out var next) ? next - now : null;
            return (now, wait, changed.Task);
        }
    }
}
