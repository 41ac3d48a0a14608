using ShelfReady.Orchestration.Dispatch;
using ShelfReady.Orchestration.Execution;
using ShelfReady.Orchestration.Storage;

namespace ShelfReady.Orchestration;

/// <summary>
/// The embedded durable workflow engine: event-sourced history in SQLite, replay, activities, durable timers, external
/// events and sub-workflows with Durable Task semantics. One process owns a database file at a time.
/// </summary>
public sealed class WorkflowEngine : WorkflowClient, IAsyncDisposable
{
    private const int Created = 0;
    private const int Running = 1;
    private const int Stopped = 2;

    private readonly WorkflowRegistry registry;
    private readonly TimeProvider timeProvider;
    private readonly SqliteWorkflowStore store;
    private readonly CompletionSignals completions = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource abort = new();
    private readonly OrchestrationDispatcher orchestrations;
    private readonly ActivityDispatcher activities;
    private readonly TimerScheduler timers;
    private Task orchestrationLoop = Task.CompletedTask;
    private Task timerLoop = Task.CompletedTask;
    private int state;

    /// <summary>Initializes a new instance of the <see cref="WorkflowEngine"/> class. Nothing runs until <see cref="StartAsync"/>.</summary>
    /// <param name="registry">The workflows and activities this engine runs.</param>
    /// <param name="options">The engine settings, validated here.</param>
    /// <param name="timeProvider">The clock for history timestamps and timers; the system clock when omitted.</param>
    /// <param name="services">Resolves constructor dependencies of workflow and activity classes.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid.</exception>
    public WorkflowEngine(WorkflowRegistry registry, WorkflowEngineOptions options, TimeProvider? timeProvider = null, IServiceProvider? services = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.registry = registry;
        Options = options;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        store = new SqliteWorkflowStore(options.DatabasePath, options.Synchronous, options.SerializerOptions);
        var environment = new ExecutionEnvironment(registry, services ?? EmptyServiceProvider.Instance, options.SerializerOptions);
        timers = new TimerScheduler(this.timeProvider, Post);
        activities = new ActivityDispatcher(environment, options, this.timeProvider, Post, stopping.Token, abort.Token);
        var targets = new DispatchTargets(activities.Post, timers.Post, completions.Finished, exception => options.OnFault?.Invoke(exception));
        orchestrations = new OrchestrationDispatcher(store, environment, options, this.timeProvider, targets);
    }

    internal WorkflowEngineOptions Options { get; }

    internal TimeProvider TimeProvider => timeProvider;

    /// <summary>
    /// Opens the database and starts the dispatch loops, first re-queuing what a previous process left unfinished:
    /// unprocessed messages, activities that never reported (they run again) and timers (due ones fire at once).
    /// </summary>
    /// <param name="cancellationToken">Not used; the engine runs until <see cref="StopAsync"/> or disposal.</param>
    /// <returns>A task that completes when the engine runs.</returns>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref state, Running, Created) != Created)
        {
            throw new InvalidOperationException("A workflow engine can be started once.");
        }

        store.Open();
        var recovered = store.LoadRecoveredWork();
        recovered.Inbox.ForEach(orchestrations.Post);
        recovered.Activities.ForEach(activities.Post);
        recovered.Timers.ForEach(timers.Post);
        orchestrationLoop = Task.Run(() => orchestrations.RunAsync(abort.Token), CancellationToken.None);
        timerLoop = Task.Run(() => timers.RunAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops gracefully: no new activities or timers start, running activities may finish and their results are
    /// committed. When <paramref name="cancellationToken"/> fires first, running activities are cancelled and run
    /// again after the next start.
    /// </summary>
    /// <param name="cancellationToken">Ends the grace period.</param>
    /// <returns>A task that completes when the engine has stopped and closed the database.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref state, Stopped, Running) != Running)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        using (cancellationToken.Register(abort.Cancel))
        {
            await activities.WhenStopped().ConfigureAwait(false);
            orchestrations.Complete();
            await IgnoreCancellation(orchestrationLoop).ConfigureAwait(false);
            await IgnoreCancellation(timerLoop).ConfigureAwait(false);
        }

        store.Dispose();
    }

    /// <summary>
    /// Stops without a grace period, as close to a crash as an orderly call gets: running activities are cancelled,
    /// and results not yet committed are dropped, to be redone after the next start.
    /// </summary>
    /// <returns>A task that completes when the engine has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(new CancellationToken(canceled: true)).ConfigureAwait(false);
        activities.Dispose();
        stopping.Dispose();
        abort.Dispose();
    }

    /// <inheritdoc />
    public override async Task<string> ScheduleNewWorkflowAsync(string workflowName, object? input = null, string? instanceId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowName);
        EnsureRunning();
        if (!registry.HasWorkflow(workflowName))
        {
            throw new ArgumentException($"No workflow named '{workflowName}' is registered with this engine.", nameof(workflowName));
        }

        var id = instanceId ?? Guid.NewGuid().ToString("N");
        var serializedInput = JsonPayload.Serialize(input, Options.SerializerOptions);
        if (await store.CreateInstanceAsync(id, workflowName, serializedInput, Now(), cancellationToken).ConfigureAwait(false) is { } started)
        {
            orchestrations.Post(started);
        }

        return id;
    }

    /// <inheritdoc />
    public override Task RaiseEventAsync(string instanceId, string eventName, object? payload = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var message = new WorkMessage(instanceId, MessageKind.EventRaised, -1, eventName, JsonPayload.Serialize(payload, Options.SerializerOptions), Now());
        return SendAsync(message, cancellationToken);
    }

    /// <inheritdoc />
    public override Task TerminateAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default)
    {
        var message = new WorkMessage(instanceId, MessageKind.Terminate, -1, null, JsonPayload.Serialize(reason, Options.SerializerOptions), Now());
        return SendAsync(message, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<WorkflowStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        EnsureRunning();
        return store.GetStatusAsync(instanceId, cancellationToken);
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<WorkflowStatus>> ListAsync(WorkflowRuntimeStatus? runtimeStatus = null, CancellationToken cancellationToken = default)
    {
        EnsureRunning();
        return await store.ListAsync(runtimeStatus, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<WorkflowStatus> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var finished = completions.WhenFinished(instanceId);
        var status = await GetStatusAsync(instanceId, cancellationToken).ConfigureAwait(false) ?? throw new WorkflowInstanceNotFoundException(instanceId);
        if (status.IsTerminal)
        {
            return status;
        }

        await finished.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await GetStatusAsync(instanceId, cancellationToken).ConfigureAwait(false) ?? throw new WorkflowInstanceNotFoundException(instanceId);
    }

    /// <inheritdoc />
    public override Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        EnsureRunning();
        return store.PurgeAsync(instanceId, cancellationToken);
    }

    /// <summary>Lists the external events raised to an instance that no wait has received yet, oldest first.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The buffered events; empty for an unknown instance.</returns>
    public async Task<IReadOnlyList<PendingEvent>> GetPendingEventsAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        EnsureRunning();
        return await store.GetPendingEventsAsync(instanceId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads an instance's recorded history, for diagnostics and tests.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The history in order; empty for an unknown instance.</returns>
    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        EnsureRunning();
        return await store.GetHistoryAsync(instanceId, cancellationToken).ConfigureAwait(false);
    }

    private static async Task IgnoreCancellation(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancellation is how an aborted stop ends the loops.
        }
    }

    private async Task SendAsync(WorkMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message.InstanceId);
        EnsureRunning();
        if (await store.EnqueueForLiveInstanceAsync(message, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            orchestrations.Post(stored);
        }
    }

    private void Post(WorkMessage message) => orchestrations.Post(message);

    private DateTime Now() => timeProvider.GetUtcNow().UtcDateTime;

    private void EnsureRunning()
    {
        if (Volatile.Read(ref state) != Running)
        {
            throw new InvalidOperationException("The workflow engine is not running; call StartAsync first, and do not use it after StopAsync.");
        }
    }
}
