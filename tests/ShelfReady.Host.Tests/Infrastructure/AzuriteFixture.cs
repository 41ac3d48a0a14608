using System.Diagnostics;
using System.Net.Sockets;

namespace ShelfReady.Host.Tests.Infrastructure;

/// <summary>
/// Starts a real Azurite blob service (npm package, installed by scripts/install-test-deps) on a free
/// loopback port with in-memory storage, and stops it after the tests.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // Azurite's published well-known development account (Microsoft Learn, "Use the Azurite emulator").
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? process;

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var executable = Path.Combine(RepositoryRoot.Path, "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}. Run: bash scripts/install-test-deps");
        }

        var port = FreePort.Next();
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitForPortAsync(port).ConfigureAwait(false);
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        process?.Dispose();
    }

    private async Task WaitForPortAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {port} within 30 s.");
    }
}
