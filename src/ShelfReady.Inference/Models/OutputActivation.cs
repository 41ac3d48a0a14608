namespace ShelfReady.Inference.Models;

/// <summary>Function applied to the raw output; the card's output.activation.</summary>
public enum OutputActivation
{
    /// <summary>The output is already a probability (or is min-max normalised afterwards): "none".</summary>
    None,

    /// <summary>Logistic function per element: "sigmoid".</summary>
    Sigmoid,

    /// <summary>Softmax over the class dimension (classification only): "softmax".</summary>
    Softmax,
}
