using Microsoft.DurableTask;
using ShelfReady.Orchestration;

namespace ShelfReady.Durable.AzureStorage;

/// <summary>A registry workflow as a portable-SDK orchestrator, over <see cref="DurableWorkflowContext"/>.</summary>
/// <param name="workflow">The workflow instance for this execution.</param>
internal sealed class RegistryOrchestrator(IWorkflow workflow) : ITaskOrchestrator
{
    public Type InputType => workflow.InputType;

    // The output is serialised by its runtime type, so object is enough here.
    public Type OutputType => typeof(object);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
        workflow.RunAsync(new DurableWorkflowContext(context), input);
}
