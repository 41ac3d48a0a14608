using ShelfReady.Pipeline.Webhooks;

namespace ShelfReady.Pipeline.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    // The worked example of the Standard Webhooks specification.
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long SpecTimestamp = 1614265330;
    private const string SpecBody = """{"test": 2432232314}""";
    private const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Fact]
    public void Sign_SpecificationExample_MatchesPublishedSignature()
    {
        Assert.Equal(SpecSignature, new WebhookSignature(SpecSecret).Sign(SpecId, SpecTimestamp, SpecBody));
    }

    [Fact]
    public void Verify_RotatedSecretsList_AcceptsAnyValidEntry()
    {
        var header = $"v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= {SpecSignature}";

        Assert.True(new WebhookSignature(SpecSecret).Verify(SpecId, SpecTimestamp, SpecBody, header));
    }

    [Theory]
    [InlineData(SpecId, SpecTimestamp + 1, SpecBody)]
    [InlineData("msg_other", SpecTimestamp, SpecBody)]
    [InlineData(SpecId, SpecTimestamp, """{"test": 2432232315}""")]
    public void Verify_AnyPartChanged_Rejects(string id, long timestamp, string body)
    {
        Assert.False(new WebhookSignature(SpecSecret).Verify(id, timestamp, body, SpecSignature));
    }

    [Fact]
    public void NewSecret_RoundTripsThroughSigner()
    {
        var signer = new WebhookSignature(WebhookSignature.NewSecret());

        Assert.True(signer.Verify("id", 1, "{}", signer.Sign("id", 1, "{}")));
    }

    [Fact]
    public void Constructor_ShortSecret_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WebhookSignature("whsec_c2hvcnQ="));
    }
}
