using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;

namespace ShelfReady.Host.Tests.Infrastructure;

/// <summary>A real HTTP server on loopback that records the webhooks it receives and answers as told.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;

    public WebhookReceiver()
    {
        var port = FreePort.Next();
        Url = new Uri($"http://127.0.0.1:{port}/hooks/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>Status code for the next requests; 200 by default.</summary>
    public int StatusCode { get; set; } = 200;

    /// <summary>Retry-After seconds sent with a non-2xx answer, when set.</summary>
    public int? RetryAfterSeconds { get; set; }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (HttpListenerException)
        {
            // Stopping the listener ends the pending accept with this exception.
        }
        catch (ObjectDisposedException)
        {
            // Likewise, depending on where the loop was.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            var context = await listener.GetContextAsync().ConfigureAwait(false);
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            Received.Enqueue(new ReceivedWebhook(
                context.Request.Headers["webhook-id"],
                long.Parse(context.Request.Headers["webhook-timestamp"] ?? "0", CultureInfo.InvariantCulture),
                context.Request.Headers["webhook-signature"],
                body));
            context.Response.StatusCode = StatusCode;
            if (RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
            }

            context.Response.Close();
        }
    }
}

public sealed record ReceivedWebhook(string? Id, long Timestamp, string? Signature, string Body);
