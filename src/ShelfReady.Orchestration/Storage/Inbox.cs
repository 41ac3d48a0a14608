using ShelfReady.Orchestration.Execution;

namespace ShelfReady.Orchestration.Storage;

/// <summary>The inbox row layout, shared by the dispatcher's commits and the client's calls.</summary>
internal static class Inbox
{
    public const string InsertSql =
        "INSERT INTO inbox (instance_id, kind, task_id, name, payload, created_at) VALUES ($p1, $p2, $p3, $p4, $p5, $p6) RETURNING id";

    public static object?[] Values(WorkMessage message) =>
        [message.InstanceId, (int)message.Kind, message.TaskId, message.Name, message.Payload, message.Timestamp.Ticks];
}
