namespace ShelfReady.Inference.Models;

/// <summary>Channel order the model expects; the card's input.colorOrder.</summary>
public enum ColorOrder
{
    /// <summary>Red, green, blue: "RGB" (PIL, torchvision).</summary>
    Rgb,

    /// <summary>Blue, green, red: "BGR" (OpenCV).</summary>
    Bgr,
}
