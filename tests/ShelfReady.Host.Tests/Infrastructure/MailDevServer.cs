using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace ShelfReady.Host.Tests.Infrastructure;

/// <summary>
/// A real MailDev SMTP server (npm package, installed by scripts/install-test-deps) on free loopback ports, with
/// its own mail folder so no run sees another's mail, read back through MailDev's REST API.
/// </summary>
public sealed class MailDevServer : IAsyncLifetime
{
    private static readonly TimeSpan MailLimit = TimeSpan.FromMinutes(2);
    private readonly string folder = Directory.CreateTempSubdirectory("shelfready-maildev-").FullName;
    private readonly ServiceProvider clients = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private readonly int webPort = FreePort.Next();
    private Process? process;

    /// <summary>The SMTP port the host under test sends to (plain SMTP, no TLS).</summary>
    public int SmtpPort { get; } = FreePort.Next();

    private HttpClient Api => clients.GetRequiredService<IHttpClientFactory>().CreateClient();

    public async ValueTask InitializeAsync()
    {
        string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
        process = await LoopbackProcess.StartAsync("maildev", webPort, "--smtp", Port(SmtpPort), "--ip", "127.0.0.1", "--web", Port(webPort), "--web-ip", "127.0.0.1", "--mail-directory", folder).ConfigureAwait(false);
    }

    /// <summary>Settings that make the host send its review mail to this server.</summary>
    public IEnumerable<KeyValuePair<string, string?>> HostSettings() =>
    [
        new("Review:Email:Transport", "Smtp"),
        new("Review:Email:SmtpHost", "127.0.0.1"),
        new("Review:Email:SmtpPort", SmtpPort.ToString(CultureInfo.InvariantCulture)),
        new("Review:Email:Security", "None"),
    ];

    /// <summary>Everything MailDev has received, oldest first.</summary>
    public async Task<IReadOnlyList<MailDevMessage>> MessagesAsync(CancellationToken cancellationToken)
    {
        var messages = await Api.GetFromJsonAsync<List<MailDevMessage>>(new Uri($"http://127.0.0.1:{webPort}/api/email"), cancellationToken).ConfigureAwait(false);
        return [.. (messages ?? []).OrderBy(m => m.Time)];
    }

    /// <summary>Waits until at least <paramref name="count"/> received messages match, and returns those.</summary>
    public async Task<IReadOnlyList<MailDevMessage>> WaitForAsync(Func<MailDevMessage, bool> match, int count, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(MailLimit);
        while (true)
        {
            var matching = (await MessagesAsync(limit.Token).ConfigureAwait(false)).Where(match).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            await Task.Delay(150, limit.Token).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await LoopbackProcess.StopAsync(process).ConfigureAwait(false);
        await clients.DisposeAsync().ConfigureAwait(false);
        Directory.Delete(folder, recursive: true);
    }
}
