using System.ComponentModel.DataAnnotations;

namespace ShelfReady.Host.Composition;

/// <summary>The embedded engine's settings (configuration section "Engine").</summary>
public sealed class EngineSettings
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
}
