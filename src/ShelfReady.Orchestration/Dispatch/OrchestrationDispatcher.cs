using System.Threading.Channels;
using ShelfReady.Orchestration.Execution;
using ShelfReady.Orchestration.Storage;

namespace ShelfReady.Orchestration.Dispatch;

/// <summary>
/// The single loop that runs workflow episodes. It drains every message that is waiting, runs one episode per
/// instance, and commits the whole batch in one transaction: under load many completions share one commit.
/// </summary>
internal sealed class OrchestrationDispatcher(
    SqliteWorkflowStore store,
    ExecutionEnvironment environment,
    WorkflowEngineOptions options,
    TimeProvider timeProvider,
    DispatchTargets targets)
{
    private static readonly TimeSpan CommitRetryDelay = TimeSpan.FromSeconds(1);

    private readonly Channel<WorkMessage> messages = Channel.CreateUnbounded<WorkMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ExecutionCache cache = new(options.MaxCachedInstances);

    public void Post(WorkMessage message) => messages.Writer.TryWrite(message);

    /// <summary>Stops accepting messages; <see cref="RunAsync"/> returns once those already queued are committed.</summary>
    public void Complete() => messages.Writer.TryComplete();

    public async Task RunAsync(CancellationToken abort)
    {
        var batch = new List<WorkMessage>();
        while (await messages.Reader.WaitToReadAsync(abort).ConfigureAwait(false))
        {
            while (batch.Count < options.MaxMessagesPerCommit && messages.Reader.TryRead(out var message))
            {
                batch.Add(message);
            }

            await ProcessAsync(batch, abort).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task ProcessAsync(List<WorkMessage> batch, CancellationToken abort)
    {
        var commits = new List<EpisodeCommit>();
        try
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            foreach (var group in batch.GroupBy(m => m.InstanceId, StringComparer.Ordinal))
            {
                commits.Add(RunEpisode(group.Key, group.ToList(), now));
            }

            store.Commit(commits);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // In-memory state ran ahead of what is durable: forget it and retry from history.
            foreach (var commit in commits)
            {
                cache.Take(commit.InstanceId);
            }

            targets.Fault(exception);
            await Task.Delay(CommitRetryDelay, timeProvider, abort).ConfigureAwait(false);
            batch.ForEach(Post);
            return;
        }

        foreach (var commit in commits)
        {
            Publish(commit);
        }
    }

    private EpisodeCommit RunEpisode(string instanceId, List<WorkMessage> instanceMessages, DateTime now)
    {
        var execution = cache.Take(instanceId) ?? Load(instanceId);
        if (execution is null)
        {
            // The instance finished or was purged; its late messages are simply consumed.
            return new EpisodeCommit(instanceId, instanceMessages);
        }

        var commit = execution.RunEpisode(instanceMessages, now);
        if (!commit.Terminal)
        {
            cache.Put(execution);
        }

        return commit;
    }

    private WorkflowExecution? Load(string instanceId)
    {
        var (record, history) = store.LoadInstance(instanceId);
        return record is { Status: WorkflowRuntimeStatus.Pending or WorkflowRuntimeStatus.Running }
            ? new WorkflowExecution(record, history, environment)
            : null;
    }

    private void Publish(EpisodeCommit commit)
    {
        commit.Activities.ForEach(targets.RunActivity);
        commit.Timers.ForEach(targets.StartTimer);
        commit.Posted.ForEach(Post);
        if (commit.Terminal)
        {
            targets.Finished(commit.InstanceId);
        }
    }
}
