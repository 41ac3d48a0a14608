using System.ComponentModel.DataAnnotations;

namespace ShelfReady.Host.Watching;

/// <summary>How the uploads watcher behaves (configuration section "Watcher").</summary>
public sealed class WatcherOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Watcher";

    /// <summary>Time between looks at the uploads container. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Failed attempts to start a blob's workflow before the blob is quarantined. Default 3.</summary>
    [Range(1, 100)]
    public int MaxStartAttempts { get; set; } = 3;

    /// <summary>How long a sealed batch waits for its listed images before delivering what is there. Default 24 h.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan BatchDeadline { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often a waiting batch looks for finished images. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan BatchPollInterval { get; set; } = TimeSpan.FromSeconds(30);
}
