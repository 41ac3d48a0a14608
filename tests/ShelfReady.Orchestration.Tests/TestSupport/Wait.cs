namespace ShelfReady.Orchestration.Tests.TestSupport;

/// <summary>Waits for asynchronous engine work to reach a state; only bounds waits, never measures time.</summary>
internal static class Wait
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(Limit);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            try
            {
                await Task.Delay(10, limit.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Gave up waiting for {what}.");
            }
        }
    }

    public static Task<IReadOnlyList<HistoryEvent>> ForHistoryAsync(WorkflowEngine engine, string instanceId, Func<IReadOnlyList<HistoryEvent>, bool> done, string what) =>
        UntilAsync(() => engine.GetHistoryAsync(instanceId, TestContext.Current.CancellationToken), done, what);

    public static async Task<WorkflowStatus> ForCompletionAsync(WorkflowEngine engine, string instanceId)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(Limit);
        return await engine.WaitForCompletionAsync(instanceId, limit.Token);
    }

    public static async Task ForSignalAsync(Task signal, string what)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await signal.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Gave up waiting for {what}.");
        }
    }
}
