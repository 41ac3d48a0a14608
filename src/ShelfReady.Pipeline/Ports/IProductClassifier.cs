using NetVips;

namespace ShelfReady.Pipeline.Ports;

/// <summary>
/// Guesses a product's category from its pixels when the merchant's own words (sidecar, manifest, file-name
/// rules, keywords) named none.
/// </summary>
public interface IProductClassifier
{
    /// <summary>Classifies the master; <see cref="Routing.ProductCategories.Unknown"/> when unsure.</summary>
    /// <param name="master">3-band uchar sRGB working master.</param>
    /// <param name="cancellationToken">Cancels the classification.</param>
    Task<ProductGuess> ClassifyAsync(Image master, CancellationToken cancellationToken);
}
