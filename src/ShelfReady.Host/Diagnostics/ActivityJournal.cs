using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Activities;

namespace ShelfReady.Host.Diagnostics;

/// <summary>
/// An append-only record of every activity execution — a line when it starts and one when it ends — for
/// checking delivery guarantees from outside the process (crash tests) and for support. Each line is
/// flushed to the OS before the activity goes on, so it survives the process being killed.
/// Format: <c>{utc ticks} {start|end} {instance} {activity} {task id}:{input hash}</c>; the task id tells two
/// calls with the same input (a poll) apart, and stays the same when one call runs again.
/// </summary>
public sealed class ActivityJournal(string path, TimeProvider time)
{
    private readonly Lock gate = new();

    /// <summary>Wraps an activity so its executions are journaled.</summary>
    public IActivity Wrap(string name, IActivity activity) => new JournaledActivity(this, name, activity);

    private void Append(string what, ActivityContext context, string name, string inputHash)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow().UtcTicks} {what} {context.InstanceId} {name} {context.TaskId}:{inputHash}\n");
        lock (gate)
        {
            using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            file.Write(Encoding.UTF8.GetBytes(line));
        }
    }

    private sealed class JournaledActivity(ActivityJournal journal, string name, IActivity inner) : IActivity
    {
        public Type InputType => inner.InputType;

        public async Task<object?> RunAsync(ActivityContext context, object? input)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(input, PipelineJson.Options)).AsSpan(0, 8));
            journal.Append("start", context, name, hash);
            var result = await inner.RunAsync(context, input).ConfigureAwait(false);
            journal.Append("end", context, name, hash);
            return result;
        }
    }
}
