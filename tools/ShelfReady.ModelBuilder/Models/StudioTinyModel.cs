using ShelfReady.ModelBuilder.Onnx;

namespace ShelfReady.ModelBuilder.Models;

/// <summary>
/// The smallest useful segmentation model: mask = Sigmoid(Gain · (darkness − Threshold)) with darkness =
/// 1 − mean(R, G, B) on [0, 1] inputs. Studio backdrops are light, so dark pixels are product. The output is known
/// in closed form, which is what lets tests check the whole inference path exactly.
/// </summary>
internal static class StudioTinyModel
{
    public const string Name = "studio-tiny";
    public const int Size = 320;

    /// <summary>Darkness above which a pixel counts as product (0.5 probability).</summary>
    public const float Threshold = 0.16f;

    /// <summary>Slope of the sigmoid: ±0.05 darkness around the threshold spans roughly 12%–88%.</summary>
    public const float Gain = 40f;

    /// <summary>The closed-form output for one pixel of [0, 1] channel values.</summary>
    public static double Expected(double red, double green, double blue)
    {
        var darkness = 1 - ((red + green + blue) / 3);
        return 1 / (1 + Math.Exp(-Gain * (darkness - Threshold)));
    }

    public static byte[] Build() =>
        new OnnxGraph(Name)
            .Input("image", "N", 3L, (long)Size, (long)Size)
            .Output("mask", "N", 1L, (long)Size, (long)Size)
            .Initializer("darkness_weight", [1, 3, 1, 1], [-1f / 3, -1f / 3, -1f / 3])
            .Initializer("darkness_bias", [1], [1f])
            .Initializer("threshold", [1], [Threshold])
            .Initializer("gain", [1], [Gain])
            .Node("Conv", ["image", "darkness_weight", "darkness_bias"], ["darkness"], OnnxAttribute.Of("kernel_shape", 1L, 1L))
            .Node("Sub", ["darkness", "threshold"], ["centred"])
            .Node("Mul", ["centred", "gain"], ["logit"])
            .Node("Sigmoid", ["logit"], ["mask"])
            .ToBytes();
}
