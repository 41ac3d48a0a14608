namespace ShelfReady.Orchestration;

/// <summary>SQLite's <c>PRAGMA synchronous</c> setting for the engine's database, which runs in WAL mode.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>
    /// Commits write the WAL without fsync; checkpoints fsync. A committed transaction survives a crash or kill of
    /// the process (the OS holds the written pages), and the database is never corrupted; the last commits can be
    /// lost only if the operating system crashes or the machine loses power.
    /// </summary>
    Normal = 1,

    /// <summary>Every commit fsyncs the WAL: committed transactions also survive power loss, at a large cost per commit.</summary>
    Full = 2,
}
