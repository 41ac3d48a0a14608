using System.Text.Json;
using Microsoft.Data.Sqlite;
using ShelfReady.Orchestration.Execution;

namespace ShelfReady.Orchestration.Storage;

/// <summary>
/// The engine's SQLite database. The dispatcher owns one connection for loading and committing episodes; client
/// calls use pooled connections of their own, which WAL lets read while the dispatcher writes.
/// </summary>
internal sealed class SqliteWorkflowStore : IDisposable
{
    private readonly string connectionString;
    private readonly string synchronousPragma;
    private readonly JsonSerializerOptions json;
    private SqliteConnection? dispatcherConnection;
    private CommitWriter? writer;

    public SqliteWorkflowStore(string databasePath, SqliteSynchronousMode synchronous, JsonSerializerOptions json)
    {
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        synchronousPragma = synchronous == SqliteSynchronousMode.Full ? "FULL" : "NORMAL";
        this.json = json;
    }

    private SqliteConnection Dispatcher => dispatcherConnection ?? throw new InvalidOperationException("The store is not open.");

    public void Open()
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        dispatcherConnection = OpenConnection();
        Execute(dispatcherConnection, Schema.Create + $"PRAGMA user_version = {Schema.Version};");
        writer = new CommitWriter(dispatcherConnection, json);
    }

    public void Commit(IReadOnlyList<EpisodeCommit> commits) =>
        (writer ?? throw new InvalidOperationException("The store is not open.")).Commit(commits);

    public (InstanceRecord? Record, List<HistoryEvent> History) LoadInstance(string instanceId)
    {
        using var command = Dispatcher.CreateCommand();
        command.CommandText = "SELECT name, status, input, parent_instance_id, parent_task_id FROM instances WHERE instance_id = $id";
        command.Parameters.AddWithValue("$id", instanceId);
        InstanceRecord? record = null;
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read())
            {
                record = new InstanceRecord(
                    instanceId, reader.GetString(0), (WorkflowRuntimeStatus)reader.GetInt32(1), NullableString(reader, 2), NullableString(reader, 3), reader.GetInt32(4));
            }
        }

        return (record, record is null ? [] : ReadHistory(Dispatcher, instanceId));
    }

    public RecoveredWork LoadRecoveredWork()
    {
        var inbox = Query(Dispatcher, "SELECT instance_id, kind, task_id, name, payload, created_at, id FROM inbox ORDER BY id", r =>
            new WorkMessage(r.GetString(0), (MessageKind)r.GetInt32(1), r.GetInt32(2), NullableString(r, 3), NullableString(r, 4), Utc(r.GetInt64(5)))
            {
                InboxId = r.GetInt64(6),
            });
        var activities = Query(Dispatcher, "SELECT instance_id, task_id, name, input FROM activities", r =>
            new ActivityWorkItem(r.GetString(0), r.GetInt32(1), r.GetString(2), NullableString(r, 3)));
        var timers = Query(Dispatcher, "SELECT instance_id, task_id, fire_at FROM timers", r =>
            new TimerItem(r.GetString(0), r.GetInt32(1), Utc(r.GetInt64(2))));
        return new RecoveredWork(inbox, activities, timers);
    }

    public async Task<WorkMessage?> CreateInstanceAsync(string instanceId, string name, string? input, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT OR IGNORE INTO instances (instance_id, name, status, input, created_at, updated_at) VALUES ($id, $name, $status, $input, $now, $now)";
        insert.Parameters.AddWithValue("$id", instanceId);
        insert.Parameters.AddWithValue("$name", name);
        insert.Parameters.AddWithValue("$status", (int)WorkflowRuntimeStatus.Pending);
        insert.Parameters.AddWithValue("$input", (object?)input ?? DBNull.Value);
        insert.Parameters.AddWithValue("$now", now.Ticks);
        if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            return null;
        }

        var started = await EnqueueAsync(connection, new WorkMessage(instanceId, MessageKind.ExecutionStarted, -1, name, null, now), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return started;
    }

    /// <summary>Stores a message for a live instance.</summary>
    /// <returns>The stored message, or <see langword="null"/> when the instance has finished and the message is discarded.</returns>
    public async Task<WorkMessage?> EnqueueForLiveInstanceAsync(WorkMessage message, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT status FROM instances WHERE instance_id = $id";
        select.Parameters.AddWithValue("$id", message.InstanceId);
        var status = await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?
            ?? throw new WorkflowInstanceNotFoundException(message.InstanceId);
        if ((WorkflowRuntimeStatus)status is not (WorkflowRuntimeStatus.Pending or WorkflowRuntimeStatus.Running))
        {
            return null;
        }

        var stored = await EnqueueAsync(connection, message, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task<WorkflowStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken)
    {
        var statuses = await QueryStatusesAsync($"SELECT {Schema.InstanceColumns} FROM instances WHERE instance_id = $p", instanceId, cancellationToken).ConfigureAwait(false);
        return statuses.Count == 0 ? null : statuses[0];
    }

    public Task<List<WorkflowStatus>> ListAsync(WorkflowRuntimeStatus? status, CancellationToken cancellationToken) =>
        status is { } filter
            ? QueryStatusesAsync($"SELECT {Schema.InstanceColumns} FROM instances WHERE status = $p ORDER BY created_at, instance_id", (int)filter, cancellationToken)
            : QueryStatusesAsync($"SELECT {Schema.InstanceColumns} FROM instances ORDER BY created_at, instance_id", null, cancellationToken);

    public async Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM instances WHERE instance_id = $id AND status IN ($completed, $failed, $terminated)";
        delete.Parameters.AddWithValue("$id", instanceId);
        delete.Parameters.AddWithValue("$completed", (int)WorkflowRuntimeStatus.Completed);
        delete.Parameters.AddWithValue("$failed", (int)WorkflowRuntimeStatus.Failed);
        delete.Parameters.AddWithValue("$terminated", (int)WorkflowRuntimeStatus.Terminated);
        if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            return false;
        }

        await using var rest = connection.CreateCommand();
        rest.CommandText = """
            DELETE FROM history WHERE instance_id = $id;
            DELETE FROM inbox WHERE instance_id = $id;
            DELETE FROM activities WHERE instance_id = $id;
            DELETE FROM timers WHERE instance_id = $id;
            """;
        rest.Parameters.AddWithValue("$id", instanceId);
        await rest.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<List<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return ReadHistory(connection, instanceId);
    }

    public async Task<List<PendingEvent>> GetPendingEventsAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // One read snapshot: the episode that moves an event from the inbox into the buffer must not fall between the two reads.
        using var snapshot = connection.BeginTransaction(deferred: true);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT buffered_events FROM instances WHERE instance_id = $id";
        command.Parameters.AddWithValue("$id", instanceId);
        var buffered = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        var events = JsonPayload.Deserialize<List<PendingEvent>?>(buffered, json) ?? [];
        command.CommandText = "SELECT name, payload, created_at FROM inbox WHERE instance_id = $id AND kind = $kind ORDER BY id";
        command.Parameters.AddWithValue("$kind", (int)MessageKind.EventRaised);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new PendingEvent(reader.GetString(0), NullableString(reader, 1), Utc(reader.GetInt64(2))));
        }

        return events;
    }

    public void Dispose()
    {
        writer?.Dispose();
        if (dispatcherConnection is { } connection)
        {
            connection.Dispose();
            SqliteConnection.ClearPool(connection);
        }
    }

    private static DateTime Utc(long ticks) => new(ticks, DateTimeKind.Utc);

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static List<HistoryEvent> ReadHistory(SqliteConnection connection, string instanceId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, type, task_id, name, payload, timestamp, fire_at, child_id FROM history WHERE instance_id = $id ORDER BY seq";
        command.Parameters.AddWithValue("$id", instanceId);
        using var reader = command.ExecuteReader();
        var history = new List<HistoryEvent>();
        while (reader.Read())
        {
            history.Add(new HistoryEvent(
                reader.GetInt64(0),
                (HistoryEventType)reader.GetInt32(1),
                reader.GetInt32(2),
                NullableString(reader, 3),
                NullableString(reader, 4),
                Utc(reader.GetInt64(5)),
                reader.IsDBNull(6) ? null : Utc(reader.GetInt64(6)),
                NullableString(reader, 7)));
        }

        return history;
    }

    private static async Task<WorkMessage> EnqueueAsync(SqliteConnection connection, WorkMessage message, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Inbox.InsertSql;
        var values = Inbox.Values(message);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$p" + (i + 1), values[i] ?? DBNull.Value);
        }

        var id = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return message with { InboxId = id };
    }

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, $"PRAGMA synchronous = {synchronousPragma};");
        return connection;
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        Execute(connection, $"PRAGMA synchronous = {synchronousPragma};");
        return connection;
    }

    private async Task<List<WorkflowStatus>> QueryStatusesAsync(string sql, object? parameter, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("$p", parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var statuses = new List<WorkflowStatus>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            statuses.Add(ReadStatus(reader));
        }

        return statuses;
    }

    private WorkflowStatus ReadStatus(SqliteDataReader reader) => new()
    {
        InstanceId = reader.GetString(0),
        Name = reader.GetString(1),
        RuntimeStatus = (WorkflowRuntimeStatus)reader.GetInt32(2),
        SerializedInput = NullableString(reader, 3),
        SerializedOutput = NullableString(reader, 4),
        SerializedCustomStatus = NullableString(reader, 5),
        FailureDetails = JsonPayload.Deserialize<FailureDetails?>(NullableString(reader, 6), json),
        CreatedAt = Utc(reader.GetInt64(7)),
        LastUpdatedAt = Utc(reader.GetInt64(8)),
        SerializerOptions = json,
    };
}
