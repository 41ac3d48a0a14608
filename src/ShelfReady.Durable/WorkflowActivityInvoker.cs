using ShelfReady.Durable.Telemetry;
using ShelfReady.Orchestration;

namespace ShelfReady.Durable;

/// <summary>
/// Runs the activities of a <see cref="WorkflowRegistry"/> for a Durable Task host: the host's activity function
/// (or registration) names the activity and hands over the input it deserialised, and this creates the same
/// activity class the embedded engine would, with its dependencies from <paramref name="services"/>.
/// </summary>
/// <param name="registry">The activities, by name.</param>
/// <param name="services">Where the activities' constructor dependencies come from.</param>
public sealed class WorkflowActivityInvoker(WorkflowRegistry registry, IServiceProvider services)
{
    /// <summary>Runs one activity invocation.</summary>
    /// <typeparam name="TInput">The activity's input type.</typeparam>
    /// <typeparam name="TOutput">The activity's output type.</typeparam>
    /// <param name="name">The registered activity name.</param>
    /// <param name="input">The deserialised input.</param>
    /// <param name="instanceId">The orchestration instance that scheduled it.</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>The activity's output.</returns>
    public async Task<TOutput> RunAsync<TInput, TOutput>(string name, TInput input, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var activity = registry.CreateActivity(name, services)
            ?? throw new InvalidOperationException($"No activity named '{name}' is registered.");
        var context = new ActivityContext(name, instanceId, cancellationToken);
        return await StageTelemetry.MeasureAsync(name, instanceId, async () => (TOutput)(await activity.RunAsync(context, input).ConfigureAwait(false))!).ConfigureAwait(false);
    }
}
