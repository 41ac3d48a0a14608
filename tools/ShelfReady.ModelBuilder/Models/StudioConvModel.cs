using ShelfReady.ModelBuilder.Onnx;

namespace ShelfReady.ModelBuilder.Models;

/// <summary>
/// A segmentation model with real convolution work (three 3×3 layers of 16 channels at 320², about 25 M
/// multiply-adds per image) for benchmarks. Its weights are designed, not trained, so the answer stays a
/// darkness mask: layer 1 measures local darkness against staggered thresholds around
/// <see cref="StudioTinyModel.Threshold"/>, eight ramps for "darker than t" and eight for "lighter than t";
/// layers 2 and 3 smooth each ramp; a 1×1 layer adds the darker ramps and subtracts the lighter ones. The logit is
/// piecewise linear in darkness with slope 2·gain near the threshold and gain away from it, and 0 at the threshold.
/// </summary>
internal static class StudioConvModel
{
    public const string Name = "studio-conv";
    public const int Channels = 16;

    /// <summary>Spacing of the ramp thresholds in darkness units.</summary>
    public const float Step = 0.01f;

    private const int Half = Channels / 2;

    public static byte[] Build()
    {
        var size = (long)StudioTinyModel.Size;
        var kernel = OnnxAttribute.Of("kernel_shape", 3L, 3L);
        return new OnnxGraph(Name)
            .Input("image", "N", 3L, size, size)
            .Output("mask", "N", 1L, size, size)

            // Edge padding (not zeros, which would read as black product) lets three unpadded 3×3 layers keep 320².
            .Initializer("pads", [8], [0L, 0L, 3L, 3L, 0L, 0L, 3L, 3L])
            .Initializer("ramp_weight", [Channels, 3, 3, 3], RampWeights())
            .Initializer("ramp_bias", [Channels], RampBiases())
            .Initializer("smooth1_weight", [Channels, Channels, 3, 3], SmoothWeights())
            .Initializer("smooth1_bias", [Channels], new float[Channels])
            .Initializer("smooth2_weight", [Channels, Channels, 3, 3], SmoothWeights())
            .Initializer("smooth2_bias", [Channels], new float[Channels])
            .Initializer("sum_weight", [1, Channels, 1, 1], SumWeights())
            .Initializer("sum_bias", [1], [0f])
            .Node("Pad", ["image", "pads"], ["padded"], OnnxAttribute.Of("mode", "edge"))
            .Node("Conv", ["padded", "ramp_weight", "ramp_bias"], ["ramp"], kernel)
            .Node("Relu", ["ramp"], ["ramp_relu"])
            .Node("Conv", ["ramp_relu", "smooth1_weight", "smooth1_bias"], ["smooth1"], kernel)
            .Node("Conv", ["smooth1", "smooth2_weight", "smooth2_bias"], ["smooth2"], kernel)
            .Node("Conv", ["smooth2", "sum_weight", "sum_bias"], ["logit"], OnnxAttribute.Of("kernel_shape", 1L, 1L))
            .Node("Sigmoid", ["logit"], ["mask"])
            .ToBytes();
    }

    /// <summary>Channels below <see cref="Half"/> are "darker than t" ramps with t below the threshold; the rest "lighter than t" above it.</summary>
    public static float RampThreshold(int channel) => channel < Half
        ? StudioTinyModel.Threshold - ((channel + 1) * Step)
        : StudioTinyModel.Threshold + ((channel - Half + 1) * Step);

    /// <summary>
    /// The closed-form logit for a flat region of darkness <paramref name="darkness"/> (the smoothing layers are
    /// box filters, so they leave flat regions unchanged).
    /// </summary>
    public static double FlatLogit(double darkness)
    {
        var logit = 0.0;
        for (var c = 0; c < Channels; c++)
        {
            var t = RampThreshold(c);
            logit += c < Half ? Math.Max(0, darkness - t) : -Math.Max(0, t - darkness);
        }

        return logit * StudioTinyModel.Gain / Half;
    }

    /// <summary>Darker ramps read −mean/1 (darkness) per tap, lighter ramps +mean (brightness), each averaged over 3×3×3.</summary>
    private static float[] RampWeights()
    {
        var weights = new float[Channels * 27];
        for (var c = 0; c < Channels; c++)
        {
            Array.Fill(weights, c < Half ? -1f / 27 : 1f / 27, c * 27, 27);
        }

        return weights;
    }

    /// <summary>darkness − t = (1 − t) − brightness; t − darkness = (t − 1) + brightness.</summary>
    private static float[] RampBiases() =>
        [.. Enumerable.Range(0, Channels).Select(c => c < Half ? 1 - RampThreshold(c) : RampThreshold(c) - 1)];

    /// <summary>A 3×3 box on the channel's own ramp; the cross-channel taps are zero but still computed.</summary>
    private static float[] SmoothWeights()
    {
        var weights = new float[Channels * Channels * 9];
        for (var c = 0; c < Channels; c++)
        {
            Array.Fill(weights, 1f / 9, ((c * Channels) + c) * 9, 9);
        }

        return weights;
    }

    private static float[] SumWeights() =>
        [.. Enumerable.Range(0, Channels).Select(c => (c < Half ? 1f : -1f) * StudioTinyModel.Gain / Half)];
}
