using System.Diagnostics;
using ShelfReady.Orchestration.CrashHost;
using ShelfReady.Orchestration.Tests.TestSupport;

namespace ShelfReady.Orchestration.Tests;

public sealed class WorkflowEngineProcessKillTests
{
    private const int Steps = 5;
    private const int KilledAtStep = 3;

    [Fact]
    public async Task StartAsync_AfterHostProcessKilled_CompletesWithoutRerunningCompletedActivities()
    {
        await using var harness = new EngineHarness();
        var logPath = Path.Combine(harness.Directory, "side-effects.log");
        var log = new SideEffectLog(logPath);
        const string instanceId = "job-killed";

        using (var host = StartHost(harness.DatabasePath, logPath, instanceId))
        {
            try
            {
                await Wait.UntilAsync(() => Task.FromResult(log.Count($"started {KilledAtStep}")), n => n == 1, $"the host to reach step {KilledAtStep}");
            }
            finally
            {
                // SIGKILL on Linux: no finally blocks, no disposal, nothing flushed by the engine.
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync(TestContext.Current.CancellationToken);
            }
        }

        var engine = await harness.StartAsync(StepsWorkflow.Register(logPath, holdAtStep: 0));
        var status = await Wait.ForCompletionAsync(engine, instanceId);

        Assert.Equal(Steps, status.ReadOutputAs<int>());
        for (var step = 1; step <= Steps; step++)
        {
            Assert.Equal(step == KilledAtStep ? 2 : 1, log.Count($"started {step}"));
            Assert.Equal(1, log.Count($"done {step}"));
        }
    }

    private static Process StartHost(string databasePath, string logPath, string instanceId)
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, "ShelfReady.Orchestration.CrashHost.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in new[] { hostDll, databasePath, logPath, instanceId, Steps.ToString(System.Globalization.CultureInfo.InvariantCulture), KilledAtStep.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the crash host.");
    }
}
