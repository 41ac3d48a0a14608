namespace ShelfReady.Inference.Models;

/// <summary>How an image is fitted to the model's input size; the card's input.resize.</summary>
public enum ResizeMode
{
    /// <summary>Scale width and height independently to the input size, ignoring aspect ratio (what rembg does): "stretch".</summary>
    Stretch,

    /// <summary>
    /// Keep the aspect ratio; scale down only when the long side exceeds input.width (the limit side), then round
    /// each side to a multiple of 32 (at least 32), as PaddleOCR's DetResizeForTest does with limit_type "max": "limitSide".
    /// The tensor's size differs per image, so such a model runs one image at a time.
    /// </summary>
    LimitSide,
}
