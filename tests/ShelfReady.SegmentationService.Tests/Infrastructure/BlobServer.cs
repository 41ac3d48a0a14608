using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;

namespace ShelfReady.SegmentationService.Tests.Infrastructure;

/// <summary>A real HTTP server on loopback standing in for blob storage: serves fixed bytes at <c>/uploads/{name}</c>.</summary>
public sealed class BlobServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private BlobServer(WebApplication app) => this.app = app;

    public Uri BaseAddress => new(app.Urls.Single());

    public static async Task<BlobServer> StartAsync(IReadOnlyDictionary<string, byte[]> blobs, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/uploads/{name}", (string name) => blobs.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, "image/jpeg") : Results.NotFound());
        await app.StartAsync(cancellationToken);
        return new BlobServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
