using System.Threading.Channels;
using ShelfReady.Orchestration.Execution;

namespace ShelfReady.Orchestration.Dispatch;

/// <summary>
/// Runs activities with a global concurrency limit and per-name limits. Each activity name has its own queue served
/// by as many workers as its limit allows, so a saturated name never holds slots that other names could use.
/// </summary>
internal sealed class ActivityDispatcher(
    ExecutionEnvironment environment,
    WorkflowEngineOptions options,
    TimeProvider timeProvider,
    Action<WorkMessage> report,
    CancellationToken stopping,
    CancellationToken abort) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.MaxConcurrentActivities, options.MaxConcurrentActivities);
    private readonly Dictionary<string, Channel<ActivityWorkItem>> lanes = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Task> workers = [];

    public void Post(ActivityWorkItem item)
    {
        lock (lanes)
        {
            if (!lanes.TryGetValue(item.Name, out var lane))
            {
                lane = OpenLane(item.Name);
                lanes.Add(item.Name, lane);
            }

            lane.Writer.TryWrite(item);
        }
    }

    /// <summary>Waits for every worker to stop; workers stop taking items once <c>stopping</c> is signalled.</summary>
    public Task WhenStopped()
    {
        lock (lanes)
        {
            return Task.WhenAll(workers);
        }
    }

    public void Dispose() => slots.Dispose();

    private Channel<ActivityWorkItem> OpenLane(string name)
    {
        var lane = Channel.CreateUnbounded<ActivityWorkItem>();
        var limit = options.ActivityConcurrencyLimits.TryGetValue(name, out var perName)
            ? Math.Min(perName, options.MaxConcurrentActivities)
            : options.MaxConcurrentActivities;
        for (var i = 0; i < limit; i++)
        {
            workers.Add(Task.Run(() => WorkAsync(lane.Reader)));
        }

        return lane;
    }

    private async Task WorkAsync(ChannelReader<ActivityWorkItem> lane)
    {
        try
        {
            while (await lane.WaitToReadAsync(stopping).ConfigureAwait(false))
            {
                while (!stopping.IsCancellationRequested && lane.TryRead(out var item))
                {
                    await slots.WaitAsync(stopping).ConfigureAwait(false);
                    try
                    {
                        await ExecuteAsync(item).ConfigureAwait(false);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Items left in the lane are still in the activities table and run after the next start.
        }
    }

    private async Task ExecuteAsync(ActivityWorkItem item)
    {
        WorkMessage result;
        try
        {
            var output = await InvokeAsync(item).ConfigureAwait(false);
            result = new WorkMessage(item.InstanceId, MessageKind.ActivityCompleted, item.TaskId, item.Name, output, Now());
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Interrupted by shutdown: not a failure. The work item stays, so the activity runs again after restart.
            return;
        }
#pragma warning disable CA1031 // Any exception from an activity is its failure, handed to the workflow's retry policy.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var failure = JsonPayload.Serialize(FailureDetails.FromException(exception), environment.Json);
            result = new WorkMessage(item.InstanceId, MessageKind.ActivityFailed, item.TaskId, item.Name, failure, Now());
        }

        report(result);
    }

    private async Task<string?> InvokeAsync(ActivityWorkItem item)
    {
        var activity = environment.Registry.CreateActivity(item.Name, environment.Services)
            ?? throw new InvalidOperationException($"No activity named '{item.Name}' is registered with this engine.");
        try
        {
            var input = JsonPayload.Deserialize(item.Input, activity.InputType, environment.Json);
            var output = await activity.RunAsync(new ActivityContext(item.Name, item.InstanceId, abort, item.TaskId), input).ConfigureAwait(false);
            return JsonPayload.Serialize(output, environment.Json);
        }
        finally
        {
            if (activity is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else if (activity is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
    }

    private DateTime Now() => timeProvider.GetUtcNow().UtcDateTime;
}
