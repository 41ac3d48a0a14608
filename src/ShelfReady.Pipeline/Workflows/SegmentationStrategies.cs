namespace ShelfReady.Pipeline.Workflows;

/// <summary>The cut-out strategies a workflow can ask the Segment activity for.</summary>
public static class SegmentationStrategies
{
    /// <summary>The configured segmenter: the GPU endpoint where one is set up, else the classical one.</summary>
    public const string Primary = "primary";

    /// <summary>A different method for a second try, so a redo is not the same mistake twice.</summary>
    public const string Alternate = "alternate";
}
