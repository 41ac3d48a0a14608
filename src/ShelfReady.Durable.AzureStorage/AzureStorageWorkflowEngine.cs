using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;
using ShelfReady.Orchestration;
using CoreFailureDetails = DurableTask.Core.FailureDetails;

namespace ShelfReady.Durable.AzureStorage;

/// <summary>
/// The registry's workflows on the Durable Task Framework's Azure Storage backend: a DurableTask.Core worker runs
/// them through the portable SDK's shims (the same <see cref="DurableWorkflowContext"/> the Functions app uses), and
/// this is also the client the host starts, signals and queries them with. Hosts naming the same task hub share its
/// work; a host that dies mid-activity has its work item picked up by another once its lease expires.
/// </summary>
public sealed class AzureStorageWorkflowEngine : WorkflowClient, IAsyncDisposable
{
    private static readonly OrchestrationStatus[] AnyStatus =
    [
        OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.Completed, OrchestrationStatus.ContinuedAsNew,
        OrchestrationStatus.Failed, OrchestrationStatus.Terminated, OrchestrationStatus.Canceled, OrchestrationStatus.Suspended,
    ];

    // One JSON dialect on both sides, the embedded engine's (web defaults): what the client writes (inputs,
    // events) is what the shimmed workflows read, and their outputs read back with the same options.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly AzureStorageOrchestrationService service;
    private readonly TaskHubWorker worker;
    private readonly TaskHubClient client;
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Creates the engine; <see cref="StartAsync"/> creates the task hub if needed and starts working.</summary>
    /// <param name="registry">The workflows and activities.</param>
    /// <param name="options">The task hub and this host's concurrency.</param>
    /// <param name="services">Where activities' constructor dependencies come from.</param>
    /// <param name="loggerFactory">The host's logging.</param>
    public AzureStorageWorkflowEngine(WorkflowRegistry registry, AzureStorageEngineOptions options, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(options.ConnectionString),
            TaskHubName = options.TaskHubName,
            PartitionCount = options.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            WorkItemQueueVisibilityTimeout = options.MessageVisibilityTimeout,
            ControlQueueVisibilityTimeout = options.MessageVisibilityTimeout,
            MaxQueuePollingInterval = options.MaxPollingInterval,

            // Partition leases are held by worker id, and the default (the machine name) is the same for every host on
            // one machine: two would each believe they own every partition.
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}",
            LoggerFactory = loggerFactory,
        });

        var converter = new JsonDataConverter(Json);
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = converter }, loggerFactory);
        worker = new TaskHubWorker(service, loggerFactory);
        foreach (var name in registry.RegisteredWorkflows)
        {
            worker.AddTaskOrchestrations(new NamedCreator<TaskOrchestration>(name, () =>
                shims.CreateOrchestration(name, new RegistryOrchestrator(registry.CreateWorkflow(name, services)!), parent: null)));
        }

        foreach (var name in registry.RegisteredActivities)
        {
            worker.AddTaskActivities(new NamedCreator<TaskActivity>(name, () =>
                shims.CreateActivity(name, new RegistryActivity(name, registry.CreateActivity(name, services)!, stopping.Token))));
        }

        client = new TaskHubClient(service, new CoreDataConverter(converter), loggerFactory);
    }

    /// <summary>Creates the task hub's queues, tables and containers if they are missing, then takes work.</summary>
    public async Task StartAsync()
    {
        await service.CreateIfNotExistsAsync().ConfigureAwait(false);
        await worker.StartAsync().ConfigureAwait(false);
    }

    /// <summary>Stops taking work; running activities are told to stop and their leases lapse to other hosts.</summary>
    public async Task StopAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await worker.StopAsync(isForced: false).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<string> ScheduleNewWorkflowAsync(string workflowName, object? input = null, string? instanceId = null, CancellationToken cancellationToken = default)
    {
        var id = instanceId ?? Guid.NewGuid().ToString("N");
        try
        {
            await client.CreateOrchestrationInstanceAsync(workflowName, "", id, input, tags: null, dedupeStatuses: AnyStatus).ConfigureAwait(false);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // Starting is idempotent by id, as on the embedded engine.
        }

        return id;
    }

    /// <inheritdoc />
    public override Task RaiseEventAsync(string instanceId, string eventName, object? payload = null, CancellationToken cancellationToken = default) =>
        // A null payload is serialised as JSON null by the converter, as the embedded engine records it.
        client.RaiseEventAsync(new OrchestrationInstance { InstanceId = instanceId }, eventName, payload!);

    /// <inheritdoc />
    public override async Task<WorkflowStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var state = await client.GetOrchestrationStateAsync(instanceId).ConfigureAwait(false);
        return state is null ? null : ToStatus(state);
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<WorkflowStatus>> ListAsync(WorkflowRuntimeStatus? runtimeStatus = null, CancellationToken cancellationToken = default)
    {
        var all = new List<WorkflowStatus>();
        var condition = new DurableTask.AzureStorage.Tracking.OrchestrationInstanceStatusQueryCondition();
        string? continuation = null;
        do
        {
            var page = await service.GetOrchestrationStateAsync(condition, 1000, continuation, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.OrchestrationState.Select(ToStatus).Where(s => runtimeStatus is null || s.RuntimeStatus == runtimeStatus));
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
        return all;
    }

    /// <inheritdoc />
    public override async Task<WorkflowStatus> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var state = await client.WaitForOrchestrationAsync(new OrchestrationInstance { InstanceId = instanceId }, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        return state is null ? throw new WorkflowInstanceNotFoundException(instanceId) : ToStatus(state);
    }

    /// <inheritdoc />
    public override Task TerminateAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        client.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason ?? "");

    /// <inheritdoc />
    public override async Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken = default) =>
        (await service.PurgeInstanceHistoryAsync(instanceId).ConfigureAwait(false)).InstancesDeleted > 0;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        worker.Dispose();
        stopping.Dispose();
        await ValueTask.CompletedTask.ConfigureAwait(false);
    }

    private static WorkflowStatus ToStatus(OrchestrationState state) => new()
    {
        InstanceId = state.OrchestrationInstance.InstanceId,
        Name = state.Name,
        RuntimeStatus = state.OrchestrationStatus switch
        {
            OrchestrationStatus.Pending => WorkflowRuntimeStatus.Pending,
            OrchestrationStatus.Completed => WorkflowRuntimeStatus.Completed,
            OrchestrationStatus.Failed => WorkflowRuntimeStatus.Failed,
            OrchestrationStatus.Terminated or OrchestrationStatus.Canceled => WorkflowRuntimeStatus.Terminated,
            _ => WorkflowRuntimeStatus.Running,
        },
        SerializedInput = state.Input,
        SerializedOutput = state.Output,
        SerializedCustomStatus = state.Status,
        CreatedAt = state.CreatedTime,
        LastUpdatedAt = state.LastUpdatedTime,
        FailureDetails = ToFailure(state.FailureDetails),
        SerializerOptions = Json,
    };

    private static Orchestration.FailureDetails? ToFailure(CoreFailureDetails? failure) =>
        failure is null ? null : new Orchestration.FailureDetails(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, ToFailure(failure.InnerFailure));
}
