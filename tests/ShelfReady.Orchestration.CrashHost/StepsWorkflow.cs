using System.Globalization;

namespace ShelfReady.Orchestration.CrashHost;

/// <summary>
/// A workflow of sequential steps whose activity logs each start and finish to a file, so a test can count side
/// effects across processes. The crash host holds one step forever, to be killed there.
/// </summary>
internal static class StepsWorkflow
{
    public const string Name = "Steps";

    private static readonly Lock LogGate = new();

    public static WorkflowRegistry Register(string logPath, int holdAtStep) => new WorkflowRegistry()
        .AddActivityFunc<int, int>("Step", async (context, step) =>
        {
            Append(logPath, $"started {step}");
            if (step == holdAtStep)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken).ConfigureAwait(false);
            }

            Append(logPath, $"done {step}");
            return step;
        })
        .AddWorkflowFunc<int, int>(Name, async (context, count) =>
        {
            var done = 0;
            for (var step = 1; step <= count; step++)
            {
                done += await context.CallActivityAsync<int>("Step", step).ConfigureAwait(true) == step ? 1 : 0;
            }

            return done;
        });

    public static int ParseInt(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static void Append(string logPath, string line)
    {
        // One write per line through a fresh handle: what is written before a kill is in the file.
        lock (LogGate)
        {
            File.AppendAllText(logPath, line + "\n");
        }
    }
}
