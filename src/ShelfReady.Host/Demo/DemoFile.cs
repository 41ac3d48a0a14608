using ShelfReady.Imaging;

namespace ShelfReady.Host.Demo;

/// <summary>One file of a demo batch and what the generator knows about it.</summary>
/// <param name="Name">The file name below the batch folder.</param>
/// <param name="Category">The product category; null for a deliberately broken file.</param>
/// <param name="Complexity">The generator's ground-truth complexity; null for a broken file.</param>
public sealed record DemoFile(string Name, string? Category, ProductComplexity? Complexity)
{
    /// <summary>Whether the file was written broken on purpose.</summary>
    public bool IsBroken => Category is null;
}
