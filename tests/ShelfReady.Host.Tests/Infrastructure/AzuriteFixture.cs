using System.Diagnostics;
using System.Globalization;

namespace ShelfReady.Host.Tests.Infrastructure;

/// <summary>
/// Starts a real Azurite blob service (npm package, installed by scripts/install-test-deps) on a free
/// loopback port, with in-memory storage as a class fixture or on disk where a test stops and restarts it.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // Azurite's published well-known development account (Microsoft Learn, "Use the Azurite emulator").
    internal const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly int port = FreePort.Next();
    private string? location;
    private Process? process;

    public string ConnectionString => $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    /// <summary>Starts Azurite keeping its blobs in <paramref name="folder"/>, so they outlive <see cref="StopAsync"/>.</summary>
    public static async Task<AzuriteFixture> StartOnDiskAsync(string folder)
    {
        var azurite = new AzuriteFixture { location = folder };
        await azurite.InitializeAsync().ConfigureAwait(false);
        return azurite;
    }

    public async ValueTask InitializeAsync()
    {
        var storage = location is null ? new[] { "--inMemoryPersistence" } : ["--location", location];
        process = await LoopbackProcess.StartAsync("azurite-blob", port, ["--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture), .. storage, "--skipApiVersionCheck", "--loose", "--silent"]).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops the service as an outage would, letting it save its blobs first; <see cref="InitializeAsync"/> starts it
    /// again on the same port with what it had.
    /// </summary>
    public async Task StopAsync()
    {
        await LoopbackProcess.ShutDownAsync(process).ConfigureAwait(false);
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await LoopbackProcess.StopAsync(process).ConfigureAwait(false);
        process = null;
    }
}
