using ShelfReady.Orchestration.Tests.TestSupport;

namespace ShelfReady.Orchestration.Tests;

public sealed class WorkflowRegistryTests
{
    [Fact]
    public async Task AddActivity_ClassWithDependencies_ResolvedFromServices()
    {
        await using var harness = new EngineHarness();
        var registry = new WorkflowRegistry()
            .AddActivity<GreetActivity>("Greet")
            .AddWorkflow<GreetWorkflow>("Greeting");
        var options = new WorkflowEngineOptions { DatabasePath = harness.DatabasePath };
        await using var engine = new WorkflowEngine(registry, options, services: new Services(new Greeter("Hello")));
        await engine.StartAsync(TestContext.Current.CancellationToken);

        var id = await engine.ScheduleNewWorkflowAsync("Greeting", "shelf", cancellationToken: TestContext.Current.CancellationToken);
        var status = await Wait.ForCompletionAsync(engine, id);

        Assert.Equal("Hello, shelf", status.ReadOutputAs<string>());
    }

    [Fact]
    public void AddWorkflow_SameNameTwice_Throws()
    {
        var registry = new WorkflowRegistry().AddWorkflow<GreetWorkflow>("Greeting");

        var error = Assert.Throws<ArgumentException>(() => registry.AddWorkflow<GreetWorkflow>("greeting"));

        Assert.Contains("'greeting' is already registered", error.Message, StringComparison.Ordinal);
    }

    public sealed record Greeter(string Salutation);

    public sealed class GreetActivity(Greeter greeter) : Activity<string, string>
    {
        public override Task<string> RunAsync(ActivityContext context, string input) => Task.FromResult($"{greeter.Salutation}, {input}");
    }

    public sealed class GreetWorkflow : Workflow<string, string>
    {
        public override Task<string> RunAsync(WorkflowContext context, string input) => context.CallActivityAsync<string>("Greet", input);
    }

    private sealed class Services(Greeter greeter) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(Greeter) ? greeter : null;
    }
}
