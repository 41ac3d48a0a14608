using System.Globalization;
using ShelfReady.Imaging;

namespace ShelfReady.Pipeline.Routing;

/// <summary>
/// Chooses an image's route: the category table first, because a merchant's word about what the product is
/// beats any measurement; otherwise the image analysis, where a product close in colour to its background
/// is never treated as simple.
/// </summary>
public static class RoutingPolicy
{
    /// <summary>Colour-match risk above which an image is at least medium.</summary>
    public const double ColorMatchRiskThreshold = 0.3;

    private static readonly Dictionary<string, ProductComplexity> CategoryTable = new(StringComparer.OrdinalIgnoreCase)
    {
        [ProductCategories.Jewelry] = ProductComplexity.Complex,
        [ProductCategories.Fur] = ProductComplexity.Complex,
        [ProductCategories.Lingerie] = ProductComplexity.Complex,
        [ProductCategories.Transparent] = ProductComplexity.Complex,
        [ProductCategories.Glassware] = ProductComplexity.Complex,
        [ProductCategories.Electronics] = ProductComplexity.Simple,
        [ProductCategories.Books] = ProductComplexity.Simple,
        [ProductCategories.CosmeticsTube] = ProductComplexity.Medium,
    };

    /// <summary>Routes one image.</summary>
    /// <param name="category">The category from sidecar, manifest, rules or classifier; null when unknown.</param>
    /// <param name="fromEdges">The complexity the edge analysis measured.</param>
    /// <param name="colorMatchRisk">Colour-match risk 0–1 between product boundary and background.</param>
    public static RoutingDecision Decide(string? category, ProductComplexity fromEdges, double colorMatchRisk)
    {
        if (category is not null && CategoryTable.TryGetValue(category, out var fromCategory))
        {
            return new RoutingDecision(fromCategory, $"Category '{category}' is routed {Describe(fromCategory)}.");
        }

        if (colorMatchRisk > ColorMatchRiskThreshold && fromEdges == ProductComplexity.Simple)
        {
            return new RoutingDecision(
                ProductComplexity.Medium,
                string.Create(CultureInfo.InvariantCulture, $"Product colour is close to the background (risk {colorMatchRisk:0.00}), so at least medium."));
        }

        return new RoutingDecision(fromEdges, $"Edge analysis rates the outline {Describe(fromEdges)}.");
    }

    private static string Describe(ProductComplexity complexity) => complexity switch
    {
        ProductComplexity.Simple => "simple",
        ProductComplexity.Medium => "medium",
        _ => "complex",
    };
}
