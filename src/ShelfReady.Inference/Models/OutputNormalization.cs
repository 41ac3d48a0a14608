namespace ShelfReady.Inference.Models;

/// <summary>Rescaling of a segmentation output after the activation; the card's output.normalize.</summary>
public enum OutputNormalization
{
    /// <summary>Leave values as they are: "none".</summary>
    None,

    /// <summary>(x − min) / (max − min) per image, as rembg does for U²-Net: "minmax".</summary>
    MinMax,
}
