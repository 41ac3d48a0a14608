namespace ShelfReady.SegmentationService.Tests.Infrastructure;

/// <summary>Classes in this collection share one <see cref="ServiceFixture"/> and run one after another, so batch counts see only their own traffic.</summary>
[CollectionDefinition(Name)]
public sealed class ServiceCollectionDefinition : ICollectionFixture<ServiceFixture>
{
    public const string Name = "segmentation service";
}
