namespace ShelfReady.Pipeline.Workflows;

/// <summary>The registered names of the pipeline's workflows.</summary>
public static class WorkflowNames
{
    /// <summary>One image from upload to exports.</summary>
    public const string ProcessImage = nameof(ProcessImage);

    /// <summary>A sealed batch: waits for its images and delivers the package.</summary>
    public const string ProcessBatch = nameof(ProcessBatch);

    /// <summary>The event a reviewer's decision raises on a ProcessImage instance.</summary>
    public const string ReviewDecisionEvent = "ReviewDecision";
}
