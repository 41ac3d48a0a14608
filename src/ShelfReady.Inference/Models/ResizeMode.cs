namespace ShelfReady.Inference.Models;

/// <summary>How an image is fitted to the model's input size; the card's input.resize.</summary>
public enum ResizeMode
{
    /// <summary>Scale width and height independently to the input size, ignoring aspect ratio (what rembg does): "stretch".</summary>
    Stretch,
}
