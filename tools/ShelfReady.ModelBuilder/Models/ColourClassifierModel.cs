using ShelfReady.ModelBuilder.Onnx;

namespace ShelfReady.ModelBuilder.Models;

/// <summary>
/// A tiny classifier with ImageNet-style input (224², ImageNet mean/std) whose logits are linear in the image's
/// mean colour: GlobalAveragePool → Flatten → Gemm. Each class scores how much one colour trait dominates, so the
/// probabilities are known in closed form for any image.
/// </summary>
internal static class ColourClassifierModel
{
    public const string Name = "colour-classifier";
    public const int Size = 224;

    /// <summary>ImageNet channel means and standard deviations (torchvision's normalisation constants).</summary>
    public static readonly float[] Mean = [0.485f, 0.456f, 0.406f];

    /// <inheritdoc cref="Mean" />
    public static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    /// <summary>Logit scale per unit of colour trait on [0, 1] channels.</summary>
    public const float Sharpness = 12f;

    /// <summary>Labels in output order, with the ShelfReady category each maps to.</summary>
    public static readonly (string Label, string Category)[] Classes =
    [
        ("red object", "toys"),
        ("green object", "home"),
        ("blue object", "electronics"),
        ("dark object", "books"),
        ("light object", "cosmetics_tube"),
    ];

    /// <summary>
    /// Logit weights on mean R, G, B in [0, 1] and a constant: a channel against the other two for the hues,
    /// 0.5 − brightness and brightness − 0.5 for dark and light.
    /// </summary>
    private static readonly double[][] ColourWeights =
    [
        [1, -0.5, -0.5, 0],
        [-0.5, 1, -0.5, 0],
        [-0.5, -0.5, 1, 0],
        [-1.0 / 3, -1.0 / 3, -1.0 / 3, 0.5],
        [1.0 / 3, 1.0 / 3, 1.0 / 3, -0.5],
    ];

    /// <summary>The closed-form logits for an image whose mean channel values on [0, 1] are given.</summary>
    public static double[] ExpectedLogits(double red, double green, double blue) =>
        [.. ColourWeights.Select(w => Sharpness * ((w[0] * red) + (w[1] * green) + (w[2] * blue) + w[3]))];

    public static byte[] Build()
    {
        // The Gemm sees normalised means n = (x − mean) / std, so fold the normalisation into the weights:
        // w·x + c = Σ (w·std)·n + (c + Σ w·mean).
        var classes = Classes.Length;
        var weights = new float[classes * 3];
        var biases = new float[classes];
        for (var k = 0; k < classes; k++)
        {
            var bias = ColourWeights[k][3];
            for (var c = 0; c < 3; c++)
            {
                weights[(k * 3) + c] = (float)(Sharpness * ColourWeights[k][c] * Std[c]);
                bias += ColourWeights[k][c] * Mean[c];
            }

            biases[k] = (float)(Sharpness * bias);
        }

        return new OnnxGraph(Name)
            .Input("input", "N", 3L, (long)Size, (long)Size)
            .Output("logits", "N", (long)classes)
            .Initializer("classifier_weight", [classes, 3], weights)
            .Initializer("classifier_bias", [classes], biases)
            .Node("GlobalAveragePool", ["input"], ["pooled"])
            .Node("Flatten", ["pooled"], ["features"], OnnxAttribute.Of("axis", 1L))
            .Node("Gemm", ["features", "classifier_weight", "classifier_bias"], ["logits"], OnnxAttribute.Of("transB", 1L))
            .ToBytes();
    }
}
