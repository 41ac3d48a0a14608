namespace ShelfReady.Durable.AzureStorage;

/// <summary>Where the shared task hub lives and how much one host takes from it at a time.</summary>
public sealed class AzureStorageEngineOptions
{
    /// <summary>The storage account's connection string (Azurite locally).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The task hub every host of the deployment names alike.</summary>
    public string TaskHubName { get; init; } = "ShelfReady";

    /// <summary>Control-queue partitions: the most hosts that share orchestration work.</summary>
    public int PartitionCount { get; init; } = 4;

    /// <summary>Activities this host runs at once (image activities are heavy: about one per core).</summary>
    public int MaxConcurrentActivities { get; init; } = Environment.ProcessorCount;

    /// <summary>Orchestration episodes this host replays at once (cheap).</summary>
    public int MaxConcurrentOrchestrations { get; init; } = 16;

    /// <summary>
    /// How long a message a host took stays hidden from the others: after a host dies, its unfinished work waits this
    /// long before another host takes it. A working host renews what it holds. The backend's default is 5 minutes.
    /// </summary>
    public TimeSpan MessageVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest pause between looks at idle queues (the backend backs off to it); its default is 30 s.</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromSeconds(30);
}
