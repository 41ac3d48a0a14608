using System.Diagnostics;
using System.Globalization;

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
        var port = FreePort.Next();
        process = await LoopbackProcess.StartAsync("azurite-blob", port, "--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture), "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent").ConfigureAwait(false);
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    public async ValueTask DisposeAsync() => await LoopbackProcess.StopAsync(process).ConfigureAwait(false);
}
