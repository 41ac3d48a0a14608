namespace ShelfReady.Orchestration.Storage;

/// <summary>The engine's tables. History is the source of truth; the other tables are the durable queues that feed it.</summary>
internal static class Schema
{
    public const int Version = 1;

    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS instances (
            instance_id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            status INTEGER NOT NULL,
            input TEXT,
            output TEXT,
            custom_status TEXT,
            failure TEXT,
            buffered_events TEXT,
            parent_instance_id TEXT,
            parent_task_id INTEGER NOT NULL DEFAULT -1,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS instances_by_status ON instances (status, created_at);
        CREATE TABLE IF NOT EXISTS history (
            instance_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            type INTEGER NOT NULL,
            task_id INTEGER NOT NULL,
            name TEXT,
            payload TEXT,
            timestamp INTEGER NOT NULL,
            fire_at INTEGER,
            child_id TEXT,
            PRIMARY KEY (instance_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS activities (
            instance_id TEXT NOT NULL,
            task_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            input TEXT,
            PRIMARY KEY (instance_id, task_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS timers (
            instance_id TEXT NOT NULL,
            task_id INTEGER NOT NULL,
            fire_at INTEGER NOT NULL,
            PRIMARY KEY (instance_id, task_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS inbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            instance_id TEXT NOT NULL,
            kind INTEGER NOT NULL,
            task_id INTEGER NOT NULL,
            name TEXT,
            payload TEXT,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS inbox_by_instance ON inbox (instance_id);
        """;

    public const string InstanceColumns =
        "instance_id, name, status, input, output, custom_status, failure, created_at, updated_at";
}
