namespace ShelfReady.Orchestration.Tests.TestSupport;

/// <summary>Holds an activity until the test releases it, and tells the test when the activity has started.</summary>
internal sealed class ActivityGate
{
    private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => entered.Task;

    public async Task<string> HoldAsync(CancellationToken cancellationToken = default)
    {
        entered.TrySetResult();
        await released.Task.WaitAsync(cancellationToken);
        return "released";
    }

    public void Release() => released.TrySetResult();
}
