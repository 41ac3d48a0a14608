namespace ShelfReady.Inference.Models;

/// <summary>Order of the input tensor's dimensions; the card's input.layout.</summary>
public enum TensorLayout
{
    /// <summary>[batch, channel, height, width]: "NCHW", what PyTorch exports.</summary>
    Nchw,

    /// <summary>[batch, height, width, channel]: "NHWC", what TensorFlow exports.</summary>
    Nhwc,
}
