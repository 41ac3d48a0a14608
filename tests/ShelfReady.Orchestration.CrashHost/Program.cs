using ShelfReady.Orchestration;
using ShelfReady.Orchestration.CrashHost;

// Usage: <database> <log> <instance id> <steps> <step to hang at>. Runs until killed.
if (args.Length != 5)
{
    await Console.Error.WriteLineAsync("usage: <database> <log> <instance id> <steps> <hold at step>");
    return 2;
}

var registry = StepsWorkflow.Register(args[1], StepsWorkflow.ParseInt(args[4]));
await using var engine = new WorkflowEngine(registry, new WorkflowEngineOptions { DatabasePath = args[0] });
await engine.StartAsync();
await engine.ScheduleNewWorkflowAsync(StepsWorkflow.Name, StepsWorkflow.ParseInt(args[3]), args[2]);
await engine.WaitForCompletionAsync(args[2]);
return 0;
