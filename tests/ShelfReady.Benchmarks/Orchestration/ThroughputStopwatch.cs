using System.Diagnostics;
using System.Globalization;
using ShelfReady.Orchestration;

namespace ShelfReady.Benchmarks.Orchestration;

/// <summary>
/// A quick wall-clock measurement without BenchmarkDotNet's process isolation:
/// <c>orchestration-throughput [activities] [normal|full]</c>.
/// </summary>
internal static class ThroughputStopwatch
{
    private const int Runs = 5;

    public static async Task RunAsync(string[] args)
    {
        var activities = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        var synchronous = args.Length > 1 ? Enum.Parse<SqliteSynchronousMode>(args[1], ignoreCase: true) : SqliteSynchronousMode.Normal;
        await using var scenario = await ThroughputScenario.StartAsync(synchronous).ConfigureAwait(false);
        Console.WriteLine($"{activities} activities per workflow, synchronous={synchronous}, {Environment.ProcessorCount} cores, best and median of {Runs} runs after a warm-up");
        await MeasureAsync("sequential", activities, scenario.RunSequentialAsync).ConfigureAwait(false);
        await MeasureAsync("fan-out", activities, scenario.RunFanOutAsync).ConfigureAwait(false);
    }

    private static async Task MeasureAsync(string label, int activities, Func<int, Task> run)
    {
        await run(activities).ConfigureAwait(false);
        var rates = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run(activities).ConfigureAwait(false);
            rates.Add(activities / Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        rates.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-10} best {rates[^1],9:N0} activities/s   median {rates[Runs / 2],9:N0} activities/s"));
    }
}
