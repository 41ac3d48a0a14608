namespace ShelfReady.Host.Memory;

/// <summary>
/// A weighted gate over the memory that image work may hold at once. Each step reserves its estimate before it
/// runs and gives it back when done. Waiters are served in arrival order, so a large image is not starved by a
/// stream of small ones; a reservation larger than the whole budget waits until the gate is empty, then runs alone.
/// </summary>
public sealed class MemoryBudget
{
    private readonly Lock gate = new();
    private readonly LinkedList<Waiter> waiting = new();
    private long reserved;

    /// <summary>Initializes a new instance of the <see cref="MemoryBudget"/> class.</summary>
    /// <param name="capacityBytes">The bytes that may be reserved at once, positive.</param>
    public MemoryBudget(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityBytes, 1);
        CapacityBytes = capacityBytes;
    }

    /// <summary>Gets the bytes that may be reserved at once.</summary>
    public long CapacityBytes { get; }

    /// <summary>Gets the bytes reserved now.</summary>
    public long ReservedBytes
    {
        get
        {
            lock (gate)
            {
                return reserved;
            }
        }
    }

    /// <summary>Waits until <paramref name="bytes"/> (at most the whole budget) fit, then holds them until disposed.</summary>
    /// <param name="bytes">The estimate to hold, at least 1.</param>
    /// <param name="cancellationToken">Stops the wait; nothing is held then.</param>
    /// <returns>The reservation; dispose it to give the bytes back.</returns>
    public async Task<IDisposable> ReserveAsync(long bytes, CancellationToken cancellationToken)
    {
        var amount = Math.Clamp(bytes, 1, CapacityBytes);
        LinkedListNode<Waiter> node;
        lock (gate)
        {
            if (waiting.Count == 0 && reserved + amount <= CapacityBytes)
            {
                reserved += amount;
                return new Reservation(this, amount);
            }

            node = waiting.AddLast(new Waiter(amount, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
        }

        using (cancellationToken.Register(() => Abandon(node, cancellationToken)))
        {
            await node.Value.Granted.Task.ConfigureAwait(false);
        }

        return new Reservation(this, amount);
    }

    private void Release(long amount)
    {
        lock (gate)
        {
            reserved -= amount;
            GrantWaiting();
        }
    }

    private void Abandon(LinkedListNode<Waiter> node, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            // A waiter already granted keeps its bytes: its caller returns a reservation and gives them back.
            if (node.List is null)
            {
                return;
            }

            waiting.Remove(node);
            node.Value.Granted.TrySetCanceled(cancellationToken);
            GrantWaiting();
        }
    }

    // Called under the lock.
    private void GrantWaiting()
    {
        while (waiting.First is { } first && reserved + first.Value.Bytes <= CapacityBytes)
        {
            reserved += first.Value.Bytes;
            waiting.RemoveFirst();
            first.Value.Granted.SetResult();
        }
    }

    private sealed record Waiter(long Bytes, TaskCompletionSource Granted);

    private sealed class Reservation(MemoryBudget budget, long bytes) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                budget.Release(bytes);
            }
        }
    }
}
