namespace ShelfReady.Inference.Models;

/// <summary>What a model does; the card's "task".</summary>
public enum ModelTask
{
    /// <summary>Foreground matte: "segmentation".</summary>
    Segmentation,

    /// <summary>Class scores: "classification".</summary>
    Classification,
}
