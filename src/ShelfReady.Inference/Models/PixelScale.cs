namespace ShelfReady.Inference.Models;

/// <summary>How 8-bit samples become [0, 1] before mean and std apply; the card's input.scale.</summary>
public enum PixelScale
{
    /// <summary>Divide by 255: "unit".</summary>
    Unit,

    /// <summary>Divide by the resized image's largest sample, as rembg does for U²-Net: "max".</summary>
    Max,
}
