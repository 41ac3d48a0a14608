using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ShelfReady.Durable.AzureStorage;
using ShelfReady.Host.Composition;
using ShelfReady.Orchestration;

namespace ShelfReady.Host.Web;

/// <summary>
/// Starts the configured engine with the host and stops it gracefully: the embedded engine lets running
/// activities commit; the task hub engine stops taking work and leaves what runs to its leases.
/// </summary>
public sealed class EngineHostedService(IServiceProvider services, IOptions<EngineSettings> settings) : IHostedService
{
    private bool OnTaskHub => settings.Value.Kind == EngineKind.AzureStorage;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) =>
        OnTaskHub ? services.GetRequiredService<AzureStorageWorkflowEngine>().StartAsync() : services.GetRequiredService<WorkflowEngine>().StartAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) =>
        OnTaskHub ? services.GetRequiredService<AzureStorageWorkflowEngine>().StopAsync() : services.GetRequiredService<WorkflowEngine>().StopAsync(cancellationToken);
}
