namespace ShelfReady.Inference.Segmentation;

/// <summary>A model's foreground probabilities for one image at the model's output resolution, row-major.</summary>
internal sealed record ProbabilityMap(int Width, int Height, float[] Values)
{
    /// <summary>Share of values ≤ 0.1 or ≥ 0.9.</summary>
    public double DecisiveShare() => Values.Count(v => v <= 0.1f || v >= 0.9f) / (double)Values.Length;

    /// <summary>The map as an 8-bit mask, 0–255, rounded.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Values.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)Math.Round(Math.Clamp(Values[i], 0f, 1f) * 255f);
        }

        return bytes;
    }
}
