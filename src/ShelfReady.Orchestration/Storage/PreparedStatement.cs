using Microsoft.Data.Sqlite;

namespace ShelfReady.Orchestration.Storage;

/// <summary>A command compiled once and re-run with new values: the commit path runs the same few statements thousands of times a second.</summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly SqliteCommand command;

    public PreparedStatement(SqliteConnection connection, string sql, int parameterCount)
    {
        command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 1; i <= parameterCount; i++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i });
        }
    }

    public SqliteTransaction? Transaction
    {
        set => command.Transaction = value;
    }

    public int Execute(params ReadOnlySpan<object?> values)
    {
        Bind(values);
        return command.ExecuteNonQuery();
    }

    public long ExecuteScalar(params ReadOnlySpan<object?> values)
    {
        Bind(values);
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => command.Dispose();

    private void Bind(ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
