using Microsoft.DurableTask;
using ShelfReady.Durable.Telemetry;
using ShelfReady.Orchestration;

namespace ShelfReady.Durable.AzureStorage;

/// <summary>A registry activity as a portable-SDK activity, in a span per stage as on the other hosts.</summary>
/// <param name="name">The activity's registered name.</param>
/// <param name="activity">The activity instance for this execution.</param>
/// <param name="stopping">Signalled when the host shuts down.</param>
internal sealed class RegistryActivity(string name, IActivity activity, CancellationToken stopping) : ITaskActivity
{
    public Type InputType => activity.InputType;

    public Type OutputType => typeof(object);

    public Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return StageTelemetry.MeasureAsync(name, context.InstanceId, () => activity.RunAsync(new ActivityContext(name, context.InstanceId, stopping), input));
    }
}
