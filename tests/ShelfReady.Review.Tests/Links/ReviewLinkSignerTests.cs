using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ShelfReady.Review.Links;

namespace ShelfReady.Review.Tests.Links;

public sealed class ReviewLinkSignerTests
{
    private static readonly string OldKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
    private static readonly string NewKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));

    private ReviewLink Link => new("image-job1", "job1", 2, "ann@example.com", time.GetUtcNow().AddDays(1));

    [Fact]
    public void VerifyReview_SignedLink_GivesBackWhatWasSigned()
    {
        var signer = Signer("k1", ("k1", OldKey));

        var check = signer.VerifyReview(signer.Sign(Link));

        Assert.Equal(LinkFailure.None, check.Failure);
        Assert.Equal(Link, check.Link);
    }

    [Fact]
    public void VerifyReview_PayloadChangedToAnotherReviewer_IsTampered()
    {
        var signer = Signer("k1", ("k1", OldKey));
        var parts = signer.Sign(Link).Split('.');
        var forged = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("ann@example.com", "eve@example.com", StringComparison.Ordinal);

        var check = signer.VerifyReview($"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(forged))}.{parts[2]}");

        Assert.Equal(LinkFailure.Tampered, check.Failure);
        Assert.Null(check.Link);
    }

    [Fact]
    public void VerifyReview_PastExpiry_IsExpired()
    {
        var signer = Signer("k1", ("k1", OldKey));
        var token = signer.Sign(Link);

        time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(LinkFailure.Expired, signer.VerifyReview(token).Failure);
    }

    [Fact]
    public void VerifyReview_AfterRotation_OldLinksStillOpenAndRetiredKeysAreUnknown()
    {
        var before = Signer("k1", ("k1", OldKey)).Sign(Link);
        var rotated = Signer("k2", ("k1", OldKey), ("k2", NewKey));
        var retired = Signer("k2", ("k2", NewKey));

        Assert.Equal(LinkFailure.None, rotated.VerifyReview(before).Failure);
        Assert.StartsWith("k2.", rotated.Sign(Link), StringComparison.Ordinal);
        Assert.Equal(LinkFailure.UnknownKey, retired.VerifyReview(before).Failure);
    }

    [Fact]
    public void VerifyQueue_ReviewLink_IsNotAQueueLink()
    {
        var signer = Signer("k1", ("k1", OldKey));

        Assert.Equal(LinkFailure.Tampered, signer.VerifyQueue(signer.Sign(Link)).Failure);
        Assert.Equal(LinkFailure.Malformed, signer.VerifyReview("not-a-link").Failure);
    }

    [Fact]
    public void IsValidFormToken_OnlyForTheLinkItWasIssuedForAndWhileFresh()
    {
        var signer = Signer("k1", ("k1", OldKey));
        var link = signer.Sign(Link);
        var other = signer.Sign(Link with { Attempt = 3 });
        var form = signer.IssueFormToken(link);

        Assert.True(signer.IsValidFormToken(link, form));
        Assert.False(signer.IsValidFormToken(other, form));
        Assert.False(signer.IsValidFormToken(link, null));
        Assert.False(signer.IsValidFormToken(link, form[..^2] + "xx"));
        Assert.NotEqual(form, signer.IssueFormToken(link));
        time.Advance(TimeSpan.FromHours(13));
        Assert.False(signer.IsValidFormToken(link, form));
    }

    private ReviewLinkSigner Signer(string active, params (string Id, string Key)[] keys) =>
        new(Options.Create(new ReviewOptions { ActiveKeyId = active, SigningKeys = keys.ToDictionary(k => k.Id, k => k.Key) }), time);
}
