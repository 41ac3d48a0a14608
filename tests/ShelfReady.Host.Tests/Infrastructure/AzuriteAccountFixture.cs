using System.Diagnostics;
using System.Globalization;

namespace ShelfReady.Host.Tests.Infrastructure;

/// <summary>
/// A whole Azurite storage account (blobs, queues and tables, in memory) on free loopback ports: what the Durable
/// Task Framework's Azure Storage backend needs for its task hub, beside the pipeline's blobs.
/// </summary>
public sealed class AzuriteAccountFixture : IAsyncLifetime
{
    private readonly int blobPort = FreePort.Next();
    private readonly int queuePort = FreePort.Next();
    private readonly int tablePort = FreePort.Next();
    private Process? process;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteFixture.AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    public async ValueTask InitializeAsync()
    {
        string[] arguments =
        [
            "--blobHost", "127.0.0.1", "--blobPort", Port(blobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Port(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(tablePort),
            "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent",
        ];
        process = await LoopbackProcess.StartAsync("azurite", [blobPort, queuePort, tablePort], arguments).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await LoopbackProcess.StopAsync(process).ConfigureAwait(false);
        process = null;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
