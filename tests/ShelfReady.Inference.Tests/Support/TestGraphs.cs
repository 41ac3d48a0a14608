using ShelfReady.ModelBuilder.Onnx;

namespace ShelfReady.Inference.Tests.Support;

/// <summary>Small graphs that expose what the preprocessing wrote, so tests can read the tensor back.</summary>
internal static class TestGraphs
{
    /// <summary>Output = input, [batch, 3, h, w]; batch "N" or a fixed size.</summary>
    public static byte[] Identity(int width, int height, object batch) =>
        new OnnxGraph("identity")
            .Input("image", batch, 3L, (long)height, (long)width)
            .Output("copy", batch, 3L, (long)height, (long)width)
            .Node("Identity", ["image"], ["copy"])
            .ToBytes();

    /// <summary>NHWC input [N, h, w, 3] transposed to NCHW [N, 3, h, w].</summary>
    public static byte[] NhwcToNchw(int width, int height) =>
        new OnnxGraph("nhwc")
            .Input("image", "N", (long)height, (long)width, 3L)
            .Output("nchw", "N", 3L, (long)height, (long)width)
            .Node("Transpose", ["image"], ["nchw"], OnnxAttribute.Of("perm", 0L, 3L, 1L, 2L))
            .ToBytes();

    /// <summary>Output 0 = tensor channel 0 + 10 (a decoy); output 1 = tensor channel <paramref name="channel"/>, [N, 1, h, w].</summary>
    public static byte[] PickChannel(int width, int height, int channel, object? batch = null)
    {
        batch ??= "N";
        var weights = new float[3];
        weights[channel] = 1;
        return new OnnxGraph("pick")
            .Input("image", batch, 3L, (long)height, (long)width)
            .Output("decoy", batch, 1L, (long)height, (long)width)
            .Output("picked", batch, 1L, (long)height, (long)width)
            .Initializer("decoy_weight", [1, 3, 1, 1], [1f, 0f, 0f])
            .Initializer("decoy_bias", [1], [10f])
            .Initializer("pick_weight", [1, 3, 1, 1], weights)
            .Node("Conv", ["image", "decoy_weight", "decoy_bias"], ["decoy"])
            .Node("Conv", ["image", "pick_weight"], ["picked"])
            .ToBytes();
    }
}
