using ShelfReady.Inference.Models;
using ShelfReady.Inference.Tests.Support;

namespace ShelfReady.Inference.Tests.TextDetection;

/// <summary>The PaddleOCR detector card, when npm has installed its model: skipped where it has not, failed on CI.</summary>
internal static class InstalledDetector
{
    public static ModelCard Card => ModelCard.Load(Path.Combine(RepositoryRoot.Models, "ppocr-v4-det", ModelCard.CardFileName));

    public static ModelCard Require()
    {
        var card = Card;
        if (card.IsInstalled)
        {
            return card;
        }

        var message = $"Text detector not installed ({card.ModelPath}); run scripts/install-test-deps (npm ci).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return card;
    }
}
