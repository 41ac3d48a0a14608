using ShelfReady.Pipeline.Jobs;

namespace ShelfReady.Pipeline.Tests.Jobs;

public sealed class JobIdentityTests
{
    [Fact]
    public void JobId_SamePathAndContent_IsStable()
    {
        var hash = JobIdentity.ContentHash("pixels"u8);

        Assert.Equal(JobIdentity.JobId("acme/b1/shoe.jpg", hash), JobIdentity.JobId("acme/b1/shoe.jpg", hash));
    }

    [Fact]
    public void JobId_OtherContentOrPath_Differs()
    {
        var first = JobIdentity.ContentHash("pixels"u8);
        var second = JobIdentity.ContentHash("pixelz"u8);

        Assert.NotEqual(JobIdentity.JobId("acme/b1/shoe.jpg", first), JobIdentity.JobId("acme/b1/shoe.jpg", second));
        Assert.NotEqual(JobIdentity.JobId("acme/b1/shoe.jpg", first), JobIdentity.JobId("acme/b2/shoe.jpg", first));
    }

    [Fact]
    public void JobId_IsShortAndSafeForBlobNames()
    {
        var id = JobIdentity.JobId("acme/b1/shoe.jpg", JobIdentity.ContentHash("x"u8));

        Assert.Equal(26, id.Length);
        Assert.Matches("^[0-9a-z]+$", id);
    }
}
