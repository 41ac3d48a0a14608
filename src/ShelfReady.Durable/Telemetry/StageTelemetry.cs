using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ShelfReady.Durable.Telemetry;

/// <summary>
/// Traces and metrics per pipeline stage (one span and one duration sample per activity execution), under
/// names an OpenTelemetry exporter subscribes to: <see cref="SourceName"/> for traces, <see cref="MeterName"/> for metrics.
/// </summary>
public static class StageTelemetry
{
    /// <summary>The activity source and meter name.</summary>
    public const string SourceName = "ShelfReady.Pipeline";

    /// <summary>The meter name (same as the source).</summary>
    public const string MeterName = SourceName;

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("shelfready.stage.duration", "ms", "How long one execution of a pipeline stage took.");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("shelfready.stage.failures", description: "Stage executions that threw.");

    /// <summary>Runs one stage inside a span, recording its duration and, when it throws, a failure.</summary>
    /// <typeparam name="T">The stage's result type.</typeparam>
    /// <param name="stage">The activity name.</param>
    /// <param name="instanceId">The orchestration instance it belongs to.</param>
    /// <param name="run">The stage.</param>
    /// <returns>The stage's result.</returns>
    public static async Task<T> MeasureAsync<T>(string stage, string instanceId, Func<Task<T>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var span = Source.StartActivity($"stage {stage}", ActivityKind.Internal);
        span?.SetTag("shelfready.stage", stage);
        span?.SetTag("shelfready.instance_id", instanceId);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            outcome = "failed";
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            Failures.Add(1, new KeyValuePair<string, object?>("stage", stage));
            throw;
        }
        finally
        {
            Duration.Record(
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                new KeyValuePair<string, object?>("stage", stage),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
