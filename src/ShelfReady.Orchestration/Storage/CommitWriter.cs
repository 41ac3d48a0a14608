using System.Text.Json;
using Microsoft.Data.Sqlite;
using ShelfReady.Orchestration.Execution;

namespace ShelfReady.Orchestration.Storage;

/// <summary>Writes a batch of episodes in one transaction on the dispatcher's own connection.</summary>
internal sealed class CommitWriter : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly JsonSerializerOptions json;
    private readonly PreparedStatement deleteActivity;
    private readonly PreparedStatement deleteTimer;
    private readonly PreparedStatement deleteInbox;
    private readonly PreparedStatement insertHistory;
    private readonly PreparedStatement insertActivity;
    private readonly PreparedStatement insertTimer;
    private readonly PreparedStatement insertInbox;
    private readonly PreparedStatement insertInstance;
    private readonly PreparedStatement updateInstance;
    private readonly PreparedStatement deleteInstanceActivities;
    private readonly PreparedStatement deleteInstanceTimers;
    private readonly PreparedStatement[] all;

    public CommitWriter(SqliteConnection connection, JsonSerializerOptions json)
    {
        this.connection = connection;
        this.json = json;
        all =
        [
            deleteActivity = new(connection, "DELETE FROM activities WHERE instance_id = $p1 AND task_id = $p2", 2),
            deleteTimer = new(connection, "DELETE FROM timers WHERE instance_id = $p1 AND task_id = $p2", 2),
            deleteInbox = new(connection, "DELETE FROM inbox WHERE id = $p1", 1),
            insertHistory = new(
                connection,
                "INSERT INTO history (instance_id, seq, type, task_id, name, payload, timestamp, fire_at, child_id) VALUES ($p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9)",
                9),
            insertActivity = new(connection, "INSERT OR REPLACE INTO activities (instance_id, task_id, name, input) VALUES ($p1, $p2, $p3, $p4)", 4),
            insertTimer = new(connection, "INSERT OR REPLACE INTO timers (instance_id, task_id, fire_at) VALUES ($p1, $p2, $p3)", 3),
            insertInbox = new(connection, Inbox.InsertSql, 6),
            insertInstance = new(
                connection,
                "INSERT OR IGNORE INTO instances (instance_id, name, status, input, parent_instance_id, parent_task_id, created_at, updated_at) VALUES ($p1, $p2, $p3, $p4, $p5, $p6, $p7, $p7)",
                7),
            updateInstance = new(
                connection,
                "UPDATE instances SET status = $p2, output = $p3, custom_status = $p4, failure = $p5, buffered_events = COALESCE($p6, buffered_events), updated_at = $p7 WHERE instance_id = $p1",
                7),
            deleteInstanceActivities = new(connection, "DELETE FROM activities WHERE instance_id = $p1", 1),
            deleteInstanceTimers = new(connection, "DELETE FROM timers WHERE instance_id = $p1", 1),
        ];
    }

    public void Commit(IReadOnlyList<EpisodeCommit> commits)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var statement in all)
        {
            statement.Transaction = transaction;
        }

        foreach (var commit in commits)
        {
            Write(commit);
        }

        transaction.Commit();
    }

    public void Dispose()
    {
        foreach (var statement in all)
        {
            statement.Dispose();
        }
    }

    private void Write(EpisodeCommit commit)
    {
        commit.Posted.Clear();
        foreach (var message in commit.Consumed)
        {
            DeleteSource(message);
        }

        foreach (var recorded in commit.History)
        {
            insertHistory.Execute(
                commit.InstanceId, recorded.Sequence, (int)recorded.Type, recorded.TaskId, recorded.Name, recorded.SerializedPayload,
                recorded.Timestamp.Ticks, recorded.FireAt?.Ticks, recorded.ChildInstanceId);
        }

        if (commit.Terminal)
        {
            deleteInstanceActivities.Execute(commit.InstanceId);
            deleteInstanceTimers.Execute(commit.InstanceId);
        }

        WriteNewWork(commit);
        if (commit.Update is { } update)
        {
            updateInstance.Execute(
                commit.InstanceId, (int)update.Status, update.Output, update.CustomStatus, update.Failure, update.BufferedEvents, update.UpdatedAt.Ticks);
        }
    }

    private void WriteNewWork(EpisodeCommit commit)
    {
        foreach (var activity in commit.Activities)
        {
            insertActivity.Execute(activity.InstanceId, activity.TaskId, activity.Name, activity.Input);
        }

        foreach (var timer in commit.Timers)
        {
            insertTimer.Execute(timer.InstanceId, timer.TaskId, timer.FireAt.Ticks);
        }

        foreach (var child in commit.Children)
        {
            commit.Posted.Add(StartChild(child));
        }

        foreach (var message in commit.Outgoing)
        {
            commit.Posted.Add(Enqueue(message));
        }
    }

    private WorkMessage StartChild(ChildStart child)
    {
        var now = child.CreatedAt;
        var created = insertInstance.Execute(
            child.InstanceId, child.Name, (int)WorkflowRuntimeStatus.Pending, child.Input, child.ParentInstanceId, child.ParentTaskId, now.Ticks);
        if (created == 1)
        {
            return Enqueue(new WorkMessage(child.InstanceId, MessageKind.ExecutionStarted, -1, child.Name, null, now));
        }

        var failure = new FailureDetails(
            typeof(InvalidOperationException).FullName!,
            $"Cannot start sub-workflow '{child.Name}': an instance with id '{child.InstanceId}' already exists.",
            null);
        return Enqueue(new WorkMessage(
            child.ParentInstanceId, MessageKind.SubWorkflowFailed, child.ParentTaskId, child.Name, JsonPayload.Serialize(failure, json), now));
    }

    private WorkMessage Enqueue(WorkMessage message) =>
        message with { InboxId = insertInbox.ExecuteScalar(Inbox.Values(message)) };

    private void DeleteSource(WorkMessage message)
    {
        switch (message.Kind)
        {
            case MessageKind.ActivityCompleted or MessageKind.ActivityFailed:
                deleteActivity.Execute(message.InstanceId, message.TaskId);
                break;
            case MessageKind.TimerFired:
                deleteTimer.Execute(message.InstanceId, message.TaskId);
                break;
            default:
                deleteInbox.Execute(message.InboxId);
                break;
        }
    }
}
