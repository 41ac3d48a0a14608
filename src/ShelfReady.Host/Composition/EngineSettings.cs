using System.ComponentModel.DataAnnotations;

namespace ShelfReady.Host.Composition;

/// <summary>The durable engine's settings (configuration section "Engine").</summary>
public sealed class EngineSettings : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Engine";

    /// <summary>What the host holds besides images (runtime, engine, web server), in MB: about 230 at work on one photo (<c>bench studio-path</c>), rounded up.</summary>
    public const int HostReserveMB = 300;

    /// <summary>SQLite file holding workflow history. Default ".shelfready/engine.db".</summary>
    [Required(AllowEmptyStrings = false)]
    public string DatabasePath { get; set; } = Path.Combine(".shelfready", "engine.db");

    /// <summary>
    /// Images decoded or encoded at once. Default: the core count, with libvips single-threaded per
    /// operation, which keeps every core busy on a batch without oversubscribing.
    /// </summary>
    [Range(1, 256)]
    public int ImageWorkers { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// The memory the host may use, in MB; unset (the default) leaves <see cref="ImageWorkers"/> alone to bound it.
    /// When set, image steps wait for room: each reserves its image's estimated working set
    /// (<see cref="Memory.ImageMemoryGate.BytesPerPixel"/> a pixel; the upload pixel cap until the image's size is
    /// known) out of the budget less <see cref="HostReserveMB"/> for the host itself. An image too big for the
    /// budget still runs, alone.
    /// </summary>
    [Range(HostReserveMB + 256, 1_048_576)]
    public int? MemoryBudgetMB { get; set; }

    /// <summary>Threads libvips may use inside one operation. Default 1 (see <see cref="ImageWorkers"/>).</summary>
    [Range(1, 64)]
    public int VipsThreadsPerOperation { get; set; } = 1;

    /// <summary>Embedded (default: SQLite at <see cref="DatabasePath"/>) or AzureStorage (a task hub several serve hosts share).</summary>
    public EngineKind Kind { get; set; } = EngineKind.Embedded;

    /// <summary>With AzureStorage: the storage account holding the task hub (its connection string; Azurite locally).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>With AzureStorage: the task hub every host of the deployment names alike.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = "Engine:TaskHubName must be 3 to 45 letters and digits, starting with a letter.")]
    public string TaskHubName { get; set; } = "ShelfReady";

    /// <summary>With AzureStorage: control-queue partitions, the most hosts that share orchestration work.</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    /// <summary>With AzureStorage: how long a dead host's unfinished work waits before another host takes it (default 5 min).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>With AzureStorage: the longest pause between looks at idle queues (default 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind == EngineKind.AzureStorage && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Engine:ConnectionString is required when Engine:Kind is AzureStorage.", [nameof(ConnectionString)]);
        }
    }
}
