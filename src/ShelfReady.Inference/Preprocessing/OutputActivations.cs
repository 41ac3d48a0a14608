using System.Numerics.Tensors;
using ShelfReady.Inference.Models;

namespace ShelfReady.Inference.Preprocessing;

/// <summary>Turns one batch item's raw model output into what the card says it means, in place.</summary>
internal static class OutputActivations
{
    public static void Apply(Span<float> values, ModelOutputSpec output)
    {
        switch (output.Activation)
        {
            case OutputActivation.Sigmoid:
                TensorPrimitives.Sigmoid(values, values);
                break;
            case OutputActivation.Softmax:
                // Shifting by the maximum keeps exp() finite for large logits.
                TensorPrimitives.Subtract(values, TensorPrimitives.Max(values), values);
                TensorPrimitives.SoftMax(values, values);
                break;
        }

        if (output.Normalize == OutputNormalization.MinMax)
        {
            MinMax(values);
        }
    }

    private static void MinMax(Span<float> values)
    {
        var min = TensorPrimitives.Min(values);
        var range = TensorPrimitives.Max(values) - min;

        // A constant map carries no foreground information; rembg would divide by zero here.
        if (range <= 0)
        {
            values.Clear();
            return;
        }

        TensorPrimitives.Subtract(values, min, values);
        TensorPrimitives.Divide(values, range, values);
    }
}
