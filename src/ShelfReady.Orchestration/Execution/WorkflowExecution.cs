namespace ShelfReady.Orchestration.Execution;

/// <summary>
/// One live workflow instance: its running code, suspended at its awaits, and its position in history. Kept in memory
/// between episodes; rebuilt by replaying the history after a restart or an eviction.
/// </summary>
internal sealed class WorkflowExecution
{
    private readonly InstanceRecord record;
    private readonly ExecutionEnvironment environment;
    private readonly ReplayContext context;
    private readonly WorkflowSynchronizationContext synchronization = new();
    private IReadOnlyList<HistoryEvent>? unreplayed;
    private Task<object?>? run;
    private long nextSequence;

    public WorkflowExecution(InstanceRecord record, IReadOnlyList<HistoryEvent> history, ExecutionEnvironment environment)
    {
        this.record = record;
        this.environment = environment;
        context = new ReplayContext(record, environment.Json);
        unreplayed = history;
        nextSequence = history.Count;
    }

    public string InstanceId => record.InstanceId;

    public EpisodeCommit RunEpisode(IReadOnlyList<WorkMessage> messages, DateTime now)
    {
        var commit = new EpisodeCommit(InstanceId, messages);
        try
        {
            synchronization.Run(() => Advance(commit, messages, now));
        }
        catch (NonDeterministicWorkflowException exception)
        {
            commit.History.Clear();
            Finish(commit, now, WorkflowRuntimeStatus.Failed, null, FailureDetails.FromException(exception));
        }

        return commit;
    }

    private bool Started => run is not null;

    private void Advance(EpisodeCommit commit, IReadOnlyList<WorkMessage> messages, DateTime now)
    {
        if (messages.FirstOrDefault(m => m.Kind == MessageKind.Terminate) is { } terminate)
        {
            Terminate(commit, terminate, now);
            return;
        }

        Replay();

        foreach (var message in messages)
        {
            if (run is { IsCompleted: true })
            {
                break;
            }

            if (Accepts(message))
            {
                if (commit.History.Count == 0)
                {
                    Record(commit, new HistoryEvent(nextSequence, HistoryEventType.EpisodeStarted, -1, null, null, now));
                }

                Record(commit, ToHistoryEvent(message));
            }
        }

        foreach (var action in context.TakeUncommitted())
        {
            Schedule(commit, action, now);
        }

        if (commit.History.Count == 0)
        {
            return;
        }

        if (run is { IsCompleted: true })
        {
            Complete(commit, now);
        }
        else
        {
            commit.Update = Snapshot(WorkflowRuntimeStatus.Running, null, null, now);
        }
    }

    private void Replay()
    {
        if (unreplayed is not { } history)
        {
            return;
        }

        unreplayed = null;
        context.SetReplaying(true);
        foreach (var recorded in history)
        {
            Apply(recorded);
        }

        context.SetReplaying(false);
    }

    private bool Accepts(WorkMessage message) => message.Kind switch
    {
        MessageKind.ExecutionStarted => !Started,
        MessageKind.EventRaised => true,

        // Results of tasks the code no longer waits for (already completed, or a duplicate delivery) are dropped.
        _ => Started && context.IsOpen(message.TaskId),
    };

    private HistoryEvent ToHistoryEvent(WorkMessage message)
    {
        var type = message.Kind switch
        {
            MessageKind.ExecutionStarted => HistoryEventType.ExecutionStarted,
            MessageKind.ActivityCompleted => HistoryEventType.ActivityCompleted,
            MessageKind.ActivityFailed => HistoryEventType.ActivityFailed,
            MessageKind.TimerFired => HistoryEventType.TimerFired,
            MessageKind.EventRaised => HistoryEventType.EventRaised,
            MessageKind.SubWorkflowCompleted => HistoryEventType.SubWorkflowCompleted,
            MessageKind.SubWorkflowFailed => HistoryEventType.SubWorkflowFailed,
            _ => throw new InvalidOperationException($"Message kind {message.Kind} has no history event."),
        };
        return new HistoryEvent(nextSequence, type, message.TaskId, message.Name, message.Payload, message.Timestamp);
    }

    private void Record(EpisodeCommit commit, HistoryEvent recorded)
    {
        Append(commit, recorded);
        Apply(recorded);
    }

    private void Append(EpisodeCommit commit, HistoryEvent recorded)
    {
        commit.History.Add(recorded with { Sequence = nextSequence });
        nextSequence++;
    }

    private void Apply(HistoryEvent recorded)
    {
        switch (recorded.Type)
        {
            case HistoryEventType.EpisodeStarted:
                context.SetCurrentUtcDateTime(recorded.Timestamp);
                break;
            case HistoryEventType.ExecutionStarted:
                Start();
                break;
            case HistoryEventType.ActivityScheduled or HistoryEventType.TimerCreated or HistoryEventType.SubWorkflowScheduled:
                context.ConfirmScheduled(recorded);
                break;
            case HistoryEventType.ActivityCompleted or HistoryEventType.TimerFired or HistoryEventType.SubWorkflowCompleted:
                context.Complete(recorded.TaskId, recorded.SerializedPayload);
                break;
            case HistoryEventType.ActivityFailed or HistoryEventType.SubWorkflowFailed:
                context.Fail(recorded.TaskId, JsonPayload.Deserialize<FailureDetails>(recorded.SerializedPayload, environment.Json));
                break;
            case HistoryEventType.EventRaised:
                context.Events.Deliver(recorded.Name ?? string.Empty, recorded.SerializedPayload, recorded.Timestamp);
                break;
            default:
                break;
        }

        synchronization.RunPending();
    }

    private void Start()
    {
        try
        {
            var workflow = environment.Registry.CreateWorkflow(record.Name, environment.Services)
                ?? throw new InvalidOperationException($"No workflow named '{record.Name}' is registered with this engine.");
            var input = JsonPayload.Deserialize(record.SerializedInput, workflow.InputType, environment.Json);
            run = workflow.RunAsync(context, input);
        }
#pragma warning disable CA1031 // Whatever the workflow's construction throws is the workflow's failure, reported like any other.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            run = Task.FromException<object?>(exception);
        }
    }

    private void Schedule(EpisodeCommit commit, ScheduledAction action, DateTime now)
    {
        switch (action.Kind)
        {
            case ActionKind.Activity:
                Append(commit, new HistoryEvent(0, HistoryEventType.ActivityScheduled, action.TaskId, action.Name, action.Input, now));
                commit.Activities.Add(new ActivityWorkItem(InstanceId, action.TaskId, action.Name, action.Input));
                break;
            case ActionKind.Timer:
                var fireAt = action.FireAt ?? now;
                Append(commit, new HistoryEvent(0, HistoryEventType.TimerCreated, action.TaskId, null, null, now, fireAt));
                commit.Timers.Add(new TimerItem(InstanceId, action.TaskId, fireAt));
                break;
            default:
                var childId = action.ChildInstanceId ?? throw new InvalidOperationException("A sub-workflow needs an instance id.");
                Append(commit, new HistoryEvent(0, HistoryEventType.SubWorkflowScheduled, action.TaskId, action.Name, action.Input, now, null, childId));
                commit.Children.Add(new ChildStart(childId, action.Name, action.Input, InstanceId, action.TaskId, now));
                break;
        }
    }

    private void Complete(EpisodeCommit commit, DateTime now)
    {
        var finished = run!;
        if (!finished.IsCompletedSuccessfully)
        {
            var exception = finished.Exception?.InnerException ?? new TaskCanceledException("The workflow's task was cancelled.");
            Finish(commit, now, WorkflowRuntimeStatus.Failed, null, FailureDetails.FromException(exception));
            return;
        }

        string? output;
        try
        {
            output = JsonPayload.Serialize(finished.Result, environment.Json);
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or System.Text.Json.JsonException)
        {
            Finish(commit, now, WorkflowRuntimeStatus.Failed, null, FailureDetails.FromException(exception));
            return;
        }

        Finish(commit, now, WorkflowRuntimeStatus.Completed, output, null);
    }

    private void Terminate(EpisodeCommit commit, WorkMessage request, DateTime now)
    {
        var reason = JsonPayload.Deserialize<string?>(request.Payload, environment.Json) ?? "terminated";
        var failure = new FailureDetails("WorkflowTerminated", $"Workflow instance '{InstanceId}' was terminated: {reason}", null);
        Finish(commit, now, WorkflowRuntimeStatus.Terminated, request.Payload, failure);
    }

    private void Finish(EpisodeCommit commit, DateTime now, WorkflowRuntimeStatus status, string? output, FailureDetails? failure)
    {
        var serializedFailure = JsonPayload.Serialize(failure, environment.Json);
        var (type, payload) = status switch
        {
            WorkflowRuntimeStatus.Completed => (HistoryEventType.ExecutionCompleted, output),
            WorkflowRuntimeStatus.Failed => (HistoryEventType.ExecutionFailed, serializedFailure),
            _ => (HistoryEventType.ExecutionTerminated, output),
        };
        Append(commit, new HistoryEvent(0, type, -1, record.Name, payload, now));
        commit.Terminal = true;
        commit.Update = Snapshot(status, output, status == WorkflowRuntimeStatus.Failed ? serializedFailure : null, now);
        if (record.ParentInstanceId is { } parent)
        {
            var kind = status == WorkflowRuntimeStatus.Completed ? MessageKind.SubWorkflowCompleted : MessageKind.SubWorkflowFailed;
            commit.Outgoing.Add(new WorkMessage(parent, kind, record.ParentTaskId, record.Name, kind == MessageKind.SubWorkflowCompleted ? output : serializedFailure, now));
        }
    }

    private InstanceUpdate Snapshot(WorkflowRuntimeStatus status, string? output, string? failure, DateTime now)
    {
        string? buffered = null;
        if (context.Events.Changed)
        {
            context.Events.Changed = false;
            buffered = JsonPayload.Serialize(context.Events.Buffered, environment.Json) ?? "[]";
        }

        return new InstanceUpdate(status, output, context.SerializedCustomStatus, failure, buffered, now);
    }
}
