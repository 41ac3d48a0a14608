namespace ShelfReady.Imaging.Tests.Analysis;

/// <summary>Lets the edge-complexity and colour-match tests share one <see cref="AnalysedSetFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class AnalysedSetGroup : ICollectionFixture<AnalysedSetFixture>
{
    public const string Name = "Analysed generated sets";
}
