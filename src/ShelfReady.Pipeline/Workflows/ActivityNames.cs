namespace ShelfReady.Pipeline.Workflows;

/// <summary>The registered names of the pipeline's activities, shared by the engine and Durable Functions.</summary>
public static class ActivityNames
{
    /// <summary>Loads a merchant's settings snapshot.</summary>
    public const string LoadSettings = nameof(LoadSettings);

    /// <summary>Decodes, validates and normalises an upload into a working master.</summary>
    public const string Ingest = nameof(Ingest);

    /// <summary>Determines the product category and naming values.</summary>
    public const string ClassifyCategory = nameof(ClassifyCategory);

    /// <summary>Measures edge complexity, colour-match risk and the background.</summary>
    public const string AnalyzeImage = nameof(AnalyzeImage);

    /// <summary>Produces the alpha matte.</summary>
    public const string Segment = nameof(Segment);

    /// <summary>Composes the product on pure white at the target fill.</summary>
    public const string Compose = nameof(Compose);

    /// <summary>Scores the composite.</summary>
    public const string QualityCheck = nameof(QualityCheck);

    /// <summary>Records a review request for a person.</summary>
    public const string RequestReview = nameof(RequestReview);

    /// <summary>Measures the photo for the platforms' content rules.</summary>
    public const string CheckCompliance = nameof(CheckCompliance);

    /// <summary>Writes and verifies one platform's files.</summary>
    public const string Export = nameof(Export);

    /// <summary>Writes the job's outcome record.</summary>
    public const string Notify = nameof(Notify);

    /// <summary>Makes one webhook delivery attempt.</summary>
    public const string DeliverWebhook = nameof(DeliverWebhook);

    /// <summary>Reports which of a batch's images have finished.</summary>
    public const string CheckBatch = nameof(CheckBatch);

    /// <summary>Builds a batch's delivery package.</summary>
    public const string Package = nameof(Package);
}
