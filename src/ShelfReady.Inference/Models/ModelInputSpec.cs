namespace ShelfReady.Inference.Models;

/// <summary>How to turn an image into the model's input tensor; the card's "input".</summary>
public sealed record ModelInputSpec
{
    /// <summary>
    /// Name of the graph input; null uses the graph's only input (as rembg does), for published files whose input
    /// name is not documented.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>Tensor width in pixels, 1–8192.</summary>
    public required int Width { get; init; }

    /// <summary>Tensor height in pixels, 1–8192.</summary>
    public required int Height { get; init; }

    /// <summary>Dimension order.</summary>
    public required TensorLayout Layout { get; init; }

    /// <summary>Channel order.</summary>
    public required ColorOrder ColorOrder { get; init; }

    /// <summary>How samples become [0, 1].</summary>
    public required PixelScale Scale { get; init; }

    /// <summary>Per-channel mean subtracted after scaling, three values in the tensor's channel order.</summary>
    public required IReadOnlyList<double> Mean { get; init; }

    /// <summary>Per-channel divisor applied after the mean, three positive values in the tensor's channel order.</summary>
    public required IReadOnlyList<double> Std { get; init; }

    /// <summary>How the image is fitted to Width × Height.</summary>
    public required ResizeMode Resize { get; init; }

    /// <summary>Problems with this section, each a sentence naming the field; empty when valid.</summary>
    internal IEnumerable<string> Problems()
    {
        if (Name is not null && string.IsNullOrWhiteSpace(Name))
        {
            yield return "input.name must name the graph input, or be null for the graph's only input.";
        }

        if (Width is < 1 or > 8192 || Height is < 1 or > 8192)
        {
            yield return $"input.width and input.height must be within [1, 8192]; they are {Width} and {Height}.";
        }

        if (Mean is not { Count: 3 } || Mean.Any(m => !double.IsFinite(m)))
        {
            yield return "input.mean must hold three finite numbers.";
        }

        if (Std is not { Count: 3 } || Std.Any(s => !double.IsFinite(s) || s <= 0))
        {
            yield return "input.std must hold three positive numbers.";
        }
    }
}
