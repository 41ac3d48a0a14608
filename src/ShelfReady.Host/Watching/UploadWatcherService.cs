using Microsoft.Extensions.Hosting;

namespace ShelfReady.Host.Watching;

/// <summary>Runs the uploads watcher for as long as the host runs.</summary>
public sealed class UploadWatcherService(UploadWatcher watcher) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => watcher.RunAsync(stoppingToken);
}
