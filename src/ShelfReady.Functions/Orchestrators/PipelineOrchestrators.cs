using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using ShelfReady.Durable;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Functions.Orchestrators;

/// <summary>
/// The orchestrator functions: each runs the pipeline's own workflow class, unchanged, over the Durable Task
/// context through <see cref="DurableWorkflowContext"/>.
/// </summary>
public static class PipelineOrchestrators
{
    /// <summary>ProcessImage: one upload to verified exports.</summary>
    /// <param name="context">The Durable orchestration context.</param>
    /// <returns>The image's outcome.</returns>
    [Function(WorkflowNames.ProcessImage)]
    public static Task<ImageOutcome> ProcessImage([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ProcessImageWorkflow().RunAsync(new DurableWorkflowContext(context), Input<ProcessImageInput>(context));
    }

    /// <summary>ProcessBatch: a sealed batch's delivery package.</summary>
    /// <param name="context">The Durable orchestration context.</param>
    /// <returns>The package.</returns>
    [Function(WorkflowNames.ProcessBatch)]
    public static Task<PackageOutput> ProcessBatch([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ProcessBatchWorkflow().RunAsync(new DurableWorkflowContext(context), Input<ProcessBatchInput>(context));
    }

    private static T Input<T>(TaskOrchestrationContext context) =>
        context.GetInput<T>() ?? throw new InvalidOperationException($"{context.Name} was started without its {typeof(T).Name}.");
}
