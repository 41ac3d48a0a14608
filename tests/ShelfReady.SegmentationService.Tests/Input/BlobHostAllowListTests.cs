using ShelfReady.SegmentationService.Input;

namespace ShelfReady.SegmentationService.Tests.Input;

public sealed class BlobHostAllowListTests
{
    [Theory]
    [InlineData("https://acct.blob.core.windows.net/c/a.jpg", true)]
    [InlineData("https://ACCT.Blob.Core.Windows.Net/c/a.jpg", true)]
    [InlineData("https://blob.core.windows.net/c/a.jpg", false)]
    [InlineData("https://acct.blob.core.windows.net.evil.example/c/a.jpg", false)]
    [InlineData("https://evilblob.core.windows.net/c/a.jpg", false)]
    [InlineData("https://cdn.example.com/a.jpg", true)]
    [InlineData("https://x.cdn.example.com/a.jpg", false)]
    public void Allows_Host_MatchesExactNamesAndWildcardSubdomainsOnly(string url, bool allowed)
    {
        var list = new BlobHostAllowList(["*.blob.core.windows.net", "cdn.example.com"]);

        Assert.Equal(allowed, list.Allows(new Uri(url)));
    }
}
