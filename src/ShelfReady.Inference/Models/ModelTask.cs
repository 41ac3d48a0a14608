namespace ShelfReady.Inference.Models;

/// <summary>What a model does; the card's "task".</summary>
public enum ModelTask
{
    /// <summary>Foreground matte: "segmentation".</summary>
    Segmentation,

    /// <summary>Class scores: "classification".</summary>
    Classification,

    /// <summary>Text regions as a per-pixel probability map post-processed to boxes (DB detectors): "textDetection".</summary>
    TextDetection,
}
