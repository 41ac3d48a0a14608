using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Tests.Web;

/// <summary>How big a chaos run is and where its kills fall.</summary>
/// <param name="Images">Images in the catalogue, split evenly over <paramref name="Batches"/>.</param>
/// <param name="Batches">Batches, each with a manifest and so a delivery package.</param>
/// <param name="Kills">SIGKILLs before the last, uninterrupted run.</param>
/// <param name="Width">Width of each generated shot in pixels.</param>
/// <param name="Seed">Seeds the shots and the random kill moments.</param>
/// <param name="FinishLimit">How long the last run may take.</param>
internal sealed record ChaosPlan(int Images, int Batches, int Kills, int Width, int Seed, TimeSpan FinishLimit)
{
    // Packages are built only once a batch's images are done, so those kills come last.
    private static readonly string?[] EarlyTargets = [ActivityNames.Export, ActivityNames.DeliverWebhook, null];

    /// <summary>The activity each kill waits for (null: a random moment); the last quarter wait for packaging.</summary>
    public IEnumerable<string?> Targets()
    {
        var packaging = Math.Max(1, Kills / 4);
        return Enumerable.Range(0, Kills - packaging).Select(i => EarlyTargets[i % EarlyTargets.Length])
            .Concat(Enumerable.Repeat<string?>(ActivityNames.Package, packaging));
    }
}
