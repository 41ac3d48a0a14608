using System.Threading.Channels;
using ShelfReady.SegmentationService.Diagnostics;

namespace ShelfReady.SegmentationService.Batching;

/// <summary>
/// Dynamic batching for one model: a bounded queue feeds a single dispatcher thread that takes the first
/// waiting request, lets more join until <see cref="BatchDispatcherSettings.MaxBatch"/> or
/// <see cref="BatchDispatcherSettings.MaxBatchWait"/> after it, and runs them all in one call. The run
/// delegate is only ever called from that thread, one batch at a time, which is what a model holding
/// pre-allocated input buffers needs.
/// </summary>
/// <typeparam name="TItem">A request's input; the dispatcher owns it once enqueued and disposes it.</typeparam>
/// <typeparam name="TResult">A request's result; handed to the request, or disposed when nobody waits for it.</typeparam>
public sealed class BatchDispatcher<TItem, TResult> : IDisposable
    where TItem : IDisposable
    where TResult : IDisposable
{
    private readonly Channel<Work> queue;
    private readonly Func<IReadOnlyList<TItem>, CancellationToken, IReadOnlyList<TResult>> run;
    private readonly BatchDispatcherSettings settings;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly Thread thread;
    private long batchSequence;
    private long recentRunTicks;

    /// <summary>Creates the dispatcher and starts its thread.</summary>
    /// <param name="settings">Name, batch size, wait and queue capacity.</param>
    /// <param name="run">Runs one batch; must return one result per item, in order.</param>
    /// <param name="time">Clock for queue and run times.</param>
    /// <param name="logger">Receives one line per batch.</param>
    public BatchDispatcher(
        BatchDispatcherSettings settings,
        Func<IReadOnlyList<TItem>, CancellationToken, IReadOnlyList<TResult>> run,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        this.settings = settings;
        this.run = run ?? throw new ArgumentNullException(nameof(run));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(settings.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        thread = new Thread(Loop) { IsBackground = true, Name = $"batch-{settings.Name}" };
        thread.Start();
    }

    /// <summary>Requests waiting for a batch, not counting the batch running now.</summary>
    public int QueueDepth => queue.Reader.Count;

    /// <summary>
    /// How long a request arriving now would likely wait: the batches needed to clear the queue plus the one
    /// running, each at the recent run time (a moving average). Zero before the first batch.
    /// </summary>
    public TimeSpan EstimatedWait
    {
        get
        {
            var batchesAhead = ((QueueDepth + settings.MaxBatch - 1) / settings.MaxBatch) + 1;
            return TimeSpan.FromTicks(Volatile.Read(ref recentRunTicks) * batchesAhead);
        }
    }

    /// <summary>
    /// Queues <paramref name="item"/>. Returns null when the queue is full, and the caller keeps the item;
    /// otherwise the dispatcher owns it and the task completes with this request's share of a batch. When
    /// <paramref name="cancellationToken"/> fires first the task is cancelled and the request is dropped
    /// before its batch runs, or its result is disposed if the batch was already running.
    /// </summary>
    public Task<BatchOutcome<TResult>>? TryEnqueue(TItem item, CancellationToken cancellationToken)
    {
        var work = new Work(item, time.GetTimestamp());
        work.Registration = cancellationToken.Register(static state => ((Work)state!).Completion.TrySetCanceled(), work);
        if (!queue.Writer.TryWrite(work))
        {
            work.Registration.Dispose();
            return null;
        }

        return work.Completion.Task;
    }

    /// <summary>Stops taking requests, cancels those still queued and waits for the running batch.</summary>
    public void Dispose()
    {
        queue.Writer.TryComplete();
        stopping.Cancel();
        thread.Join();
        stopping.Dispose();
    }

    private void Loop()
    {
        var batch = new List<Work>(settings.MaxBatch);
        try
        {
            while (WaitForWork(Timeout.InfiniteTimeSpan))
            {
                Fill(batch);
                if (batch.Count > 0)
                {
                    Execute(batch);
                }

                batch.Clear();
            }
        }
        finally
        {
            CancelQueued();
        }
    }

    // The wait for company starts with the batch's first live request, so a lone request waits at most MaxBatchWait.
    private void Fill(List<Work> batch)
    {
        var openedAt = 0L;
        while (batch.Count < settings.MaxBatch)
        {
            if (queue.Reader.TryRead(out var work))
            {
                if (work.Abandoned)
                {
                    work.Release();
                    continue;
                }

                openedAt = batch.Count == 0 ? time.GetTimestamp() : openedAt;
                batch.Add(work);
                continue;
            }

            var remaining = settings.MaxBatchWait - time.GetElapsedTime(openedAt);
            if (batch.Count == 0 || remaining <= TimeSpan.Zero || !WaitForWork(remaining))
            {
                return;
            }
        }
    }

    private void Execute(List<Work> batch)
    {
        var batchId = $"{settings.Name}-{Interlocked.Increment(ref batchSequence)}";
        var startedAt = time.GetTimestamp();
        IReadOnlyList<TResult> results;
        try
        {
            results = run(batch.ConvertAll(w => w.Item), stopping.Token);
            if (results.Count != batch.Count)
            {
                DisposeAll(results);
                throw new InvalidOperationException($"The batch of {batch.Count} returned {results.Count} results.");
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ServiceLog.BatchFailed(logger, ex, batchId, batch.Count);
            foreach (var work in batch)
            {
                work.Completion.TrySetException(ex);
                work.Release();
            }

            return;
        }

        var runTime = time.GetElapsedTime(startedAt);
        RecordRunTime(runTime);
        ServiceLog.BatchRan(logger, batchId, batch.Count, runTime.TotalMilliseconds, QueueDepth);
        for (var i = 0; i < batch.Count; i++)
        {
            var work = batch[i];
            var outcome = new BatchOutcome<TResult>(results[i], batchId, batch.Count, time.GetElapsedTime(work.EnqueuedAt, startedAt), runTime);
            if (!work.Completion.TrySetResult(outcome))
            {
                results[i].Dispose();
            }

            work.Release();
        }
    }

    private bool WaitForWork(TimeSpan timeout)
    {
        // The batch window runs on the injected clock, like every other time this dispatcher measures.
        using var window = new CancellationTokenSource(timeout, time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token, window.Token);

        try
        {
            // A dedicated thread, not the thread pool, so blocking here starves nobody.
            return queue.Reader.WaitToReadAsync(wait.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // Only the dispatcher thread writes; readers on request threads see a recent enough value.
    private void RecordRunTime(TimeSpan runTime)
    {
        var previous = Volatile.Read(ref recentRunTicks);
        Volatile.Write(ref recentRunTicks, previous == 0 ? runTime.Ticks : ((previous * 3) + runTime.Ticks) / 4);
    }

    private void CancelQueued()
    {
        queue.Writer.TryComplete();
        while (queue.Reader.TryRead(out var work))
        {
            work.Completion.TrySetCanceled();
            work.Release();
        }
    }

    private static void DisposeAll(IReadOnlyList<TResult> results)
    {
        foreach (var result in results)
        {
            result.Dispose();
        }
    }

    private sealed class Work(TItem item, long enqueuedAt)
    {
        public TItem Item => item;

        public long EnqueuedAt => enqueuedAt;

        public TaskCompletionSource<BatchOutcome<TResult>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }

        public bool Abandoned => Completion.Task.IsCompleted;

        public void Release()
        {
            Registration.Dispose();
            item.Dispose();
        }
    }
}
