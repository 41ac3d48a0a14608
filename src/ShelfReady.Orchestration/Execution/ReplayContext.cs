using System.Globalization;
using System.Text.Json;

namespace ShelfReady.Orchestration.Execution;

/// <summary>
/// The engine's <see cref="WorkflowContext"/>: hands out task ids in call order, collects the commands the code issues,
/// and completes the matching tasks as history events are applied.
/// </summary>
internal sealed class ReplayContext(InstanceRecord record, JsonSerializerOptions json) : WorkflowContext
{
    // Durable Task's namespace for NewGuid, so both engines derive GUIDs the same way.
    private static readonly Guid GuidNamespace = new("9e952958-5e33-4daf-827f-2fa12937b875");

    private readonly Dictionary<int, (string Name, TaskCompletionSource<string?> Completion)> openTasks = [];
    private readonly SortedDictionary<int, ScheduledAction> uncommitted = [];
    private int nextTaskId;
    private int guidCounter;
    private bool replaying;
    private DateTime currentUtcDateTime;

    public override string InstanceId => record.InstanceId;

    public override bool IsReplaying => replaying;

    public override DateTime CurrentUtcDateTime => currentUtcDateTime;

    public ExternalEventBuffer Events { get; } = new();

    public string? SerializedCustomStatus { get; private set; }

    public override Guid NewGuid()
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{InstanceId}_{currentUtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}_{guidCounter++}");
        return NameBasedGuid.Create(GuidNamespace, name);
    }

    public override T? GetInput<T>()
        where T : default => JsonPayload.Deserialize<T>(record.SerializedInput, json);

    public override Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var serializedInput = JsonPayload.Serialize(input, json);
        return options?.Retry is { } retry
            ? CallActivityWithRetryAsync<TResult>(name, serializedInput, retry)
            : CallActivityOnceAsync<TResult>(name, serializedInput);
    }

    public override Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken)
    {
        var fireAt = fireAtUtc.Kind == DateTimeKind.Local ? fireAtUtc.ToUniversalTime() : DateTime.SpecifyKind(fireAtUtc, DateTimeKind.Utc);
        var id = nextTaskId++;
        var fired = Schedule(new ScheduledAction(ActionKind.Timer, id, "timer", null, fireAt, null));
        if (cancellationToken.CanBeCanceled)
        {
            // The durable timer still fires later; the workflow has simply stopped waiting for it.
            var completion = openTasks[id].Completion;
            cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken));
        }

        return fired;
    }

    public override async Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var payload = await Events.Wait(eventName, cancellationToken).ConfigureAwait(true);
        return JsonPayload.Deserialize<T>(payload, json);
    }

    public override async Task<TResult> CallSubWorkflowAsync<TResult>(string name, object? input = null, string? instanceId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var id = nextTaskId++;
        var childId = instanceId ?? string.Create(CultureInfo.InvariantCulture, $"{InstanceId}:{id}");
        var output = await Schedule(new ScheduledAction(ActionKind.SubWorkflow, id, name, JsonPayload.Serialize(input, json), null, childId)).ConfigureAwait(true);
        return JsonPayload.Deserialize<TResult>(output, json);
    }

    public override void SetCustomStatus(object? customStatus) => SerializedCustomStatus = JsonPayload.Serialize(customStatus, json);

    public void SetReplaying(bool value) => replaying = value;

    public void SetCurrentUtcDateTime(DateTime value) => currentUtcDateTime = value;

    public bool IsOpen(int taskId) => openTasks.ContainsKey(taskId);

    public void Complete(int taskId, string? payload)
    {
        if (openTasks.Remove(taskId, out var task))
        {
            task.Completion.TrySetResult(payload);
        }
    }

    public void Fail(int taskId, FailureDetails failure)
    {
        if (openTasks.Remove(taskId, out var task))
        {
            task.Completion.TrySetException(new WorkflowTaskFailedException(task.Name, taskId, failure));
        }
    }

    /// <summary>Checks a scheduling event from history against the command the replayed code issued with the same task id.</summary>
    public void ConfirmScheduled(HistoryEvent recorded)
    {
        var kind = recorded.Type switch
        {
            HistoryEventType.ActivityScheduled => ActionKind.Activity,
            HistoryEventType.TimerCreated => ActionKind.Timer,
            _ => ActionKind.SubWorkflow,
        };
        var expected = new ScheduledAction(kind, recorded.TaskId, recorded.Name ?? "timer", null, recorded.FireAt, recorded.ChildInstanceId);
        if (!uncommitted.Remove(recorded.TaskId, out var actual))
        {
            throw NonDeterminism(expected, "the replayed code did not schedule anything there");
        }

        if (actual.Kind != kind || !string.Equals(actual.Name, expected.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw NonDeterminism(expected, $"the replayed code scheduled {actual.Describe()}");
        }
    }

    public IReadOnlyCollection<ScheduledAction> TakeUncommitted()
    {
        var actions = uncommitted.Values.ToList();
        uncommitted.Clear();
        return actions;
    }

    private async Task<TResult> CallActivityOnceAsync<TResult>(string name, string? serializedInput)
    {
        var id = nextTaskId++;
        var output = await Schedule(new ScheduledAction(ActionKind.Activity, id, name, serializedInput, null, null)).ConfigureAwait(true);
        return JsonPayload.Deserialize<TResult>(output, json);
    }

    private async Task<TResult> CallActivityWithRetryAsync<TResult>(string name, string? serializedInput, RetryPolicy retry)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CallActivityOnceAsync<TResult>(name, serializedInput).ConfigureAwait(true);
            }
            catch (WorkflowTaskFailedException) when (attempt < retry.MaxNumberOfAttempts)
            {
                // A durable timer, not an in-memory delay: the wait survives a restart and replays identically.
                await CreateTimer(currentUtcDateTime + retry.GetRetryDelay(attempt), CancellationToken.None).ConfigureAwait(true);
            }
        }
    }

    private Task<string?> Schedule(ScheduledAction action)
    {
        var completion = new TaskCompletionSource<string?>();
        openTasks.Add(action.TaskId, (action.Name, completion));
        uncommitted.Add(action.TaskId, action);
        return completion.Task;
    }

    private NonDeterministicWorkflowException NonDeterminism(ScheduledAction recorded, string actual) =>
        new($"Non-deterministic workflow '{record.Name}' (instance '{InstanceId}'): history records {recorded.Describe()} as task #{recorded.TaskId}, " +
            $"but {actual}. Workflow code must issue the same calls in the same order on every replay; " +
            "let running instances finish (or terminate them) before changing a workflow's sequence of calls.");
}
