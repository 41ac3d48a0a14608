namespace ShelfReady.Inference.Models;

/// <summary>Which output to read and how to turn it into probabilities; the card's "output".</summary>
public sealed record ModelOutputSpec
{
    /// <summary>Position of the output among the graph's outputs (U²-Net's fused map is output 0), ≥ 0.</summary>
    public required int Index { get; init; }

    /// <summary>Function applied to the raw output.</summary>
    public required OutputActivation Activation { get; init; }

    /// <summary>Rescaling after the activation (segmentation only).</summary>
    public OutputNormalization Normalize { get; init; }
}
