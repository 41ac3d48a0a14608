using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Adapters.Composition;
using ShelfReady.Adapters.Webhooks;
using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Webhooks;

namespace ShelfReady.Host.Tests.Webhooks;

public sealed class HttpWebhookSenderTests : IAsyncDisposable
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly WebhookMessage Message = new("image.exported_job1", "image.exported", """{"type":"image.exported","data":{"jobId":"job1"}}""");

    private readonly WebhookReceiver receiver = new();
    private readonly ServiceProvider services;

    public HttpWebhookSenderTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Webhooks:Secrets:acme"] = Secret })
            .Build();
        services = new ServiceCollection().AddShelfReadyWebhooks(configuration).BuildServiceProvider();
    }

    private IWebhookSender Sender => services.GetRequiredService<IWebhookSender>();

    private MerchantSettings Settings(bool allowPrivate = true) =>
        new() { WebhookUrl = receiver.Url, WebhookSecretName = "acme", AllowPrivateWebhookTargets = allowPrivate };

    [Fact]
    public async Task SendAsync_AllowedLoopbackTarget_DeliversVerifiableSignedMessage()
    {
        var attempt = await Sender.SendAsync(Message, Settings(), TestContext.Current.CancellationToken);

        Assert.Equal(WebhookAttemptStatus.Delivered, attempt.Status);
        var received = Assert.Single(receiver.Received);
        Assert.Equal(Message.Id, received.Id);
        Assert.Equal(Message.Body, received.Body);
        Assert.True(new WebhookSignature(Secret).Verify(received.Id!, received.Timestamp, received.Body, received.Signature!));
    }

    [Fact]
    public async Task SendAsync_LoopbackTargetNotAllowed_IsAbandonedWithoutARequest()
    {
        var attempt = await Sender.SendAsync(Message, Settings(allowPrivate: false), TestContext.Current.CancellationToken);

        Assert.Equal(WebhookAttemptStatus.Abandoned, attempt.Status);
        Assert.Contains("private or loopback", attempt.Detail, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task SendAsync_Gone_IsAbandoned()
    {
        receiver.StatusCode = 410;

        var attempt = await Sender.SendAsync(Message, Settings(), TestContext.Current.CancellationToken);

        Assert.Equal(WebhookAttemptStatus.Abandoned, attempt.Status);
    }

    [Fact]
    public async Task SendAsync_TooManyRequestsWithRetryAfter_IsRetryWithThatDelay()
    {
        receiver.StatusCode = 429;
        receiver.RetryAfterSeconds = 120;

        var attempt = await Sender.SendAsync(Message, Settings(), TestContext.Current.CancellationToken);

        Assert.Equal(WebhookAttemptStatus.Retry, attempt.Status);
        Assert.Equal(120, attempt.RetryAfterSeconds);
    }

    [Fact]
    public async Task SendAsync_NoEndpoint_SendsNothing()
    {
        var attempt = await Sender.SendAsync(Message, MerchantSettings.Default, TestContext.Current.CancellationToken);

        Assert.Equal(WebhookAttemptStatus.NoEndpoint, attempt.Status);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.1", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("2606:4700:4700::1111", false)]
    public void IsNonPublic_Address_IsClassified(string address, bool expected)
    {
        Assert.Equal(expected, WebhookTargetGuard.IsNonPublic(IPAddress.Parse(address)));
    }

    public async ValueTask DisposeAsync()
    {
        await receiver.DisposeAsync();
        await services.DisposeAsync();
    }
}
