using System.ComponentModel.DataAnnotations;

namespace ShelfReady.Host.Composition;

/// <summary>The embedded engine's settings (configuration section "Engine").</summary>
public sealed class EngineSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Engine";

    /// <summary>SQLite file holding workflow history. Default ".shelfready/engine.db".</summary>
    [Required(AllowEmptyStrings = false)]
    public string DatabasePath { get; set; } = Path.Combine(".shelfready", "engine.db");

    /// <summary>
    /// Images decoded or encoded at once. Default: the core count, with libvips single-threaded per
    /// operation, which keeps every core busy on a batch without oversubscribing.
    /// </summary>
    [Range(1, 256)]
    public int ImageWorkers { get; set; } = Environment.ProcessorCount;

    /// <summary>Threads libvips may use inside one operation. Default 1 (see <see cref="ImageWorkers"/>).</summary>
    [Range(1, 64)]
    public int VipsThreadsPerOperation { get; set; } = 1;
}
