using Microsoft.Extensions.Hosting;
using ShelfReady.Orchestration;

namespace ShelfReady.Host.Web;

/// <summary>Starts the embedded engine with the host and stops it gracefully, letting running activities commit.</summary>
public sealed class EngineHostedService(WorkflowEngine engine) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => engine.StartAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => engine.StopAsync(cancellationToken);
}
