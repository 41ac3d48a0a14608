using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Adapters.Storage;

/// <summary>
/// Blob storage on Azure Blob Storage or any endpoint that speaks its API (Azurite). Block blob uploads
/// commit atomically, so the port's whole-blob replace semantics hold without extra work.
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    private readonly BlobServiceClient service;
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> containers = new(StringComparer.Ordinal);

    /// <summary>Creates the store over a service client (connection string or token credential).</summary>
    public AzureBlobStore(BlobServiceClient service)
    {
        this.service = service ?? throw new ArgumentNullException(nameof(service));
    }

    /// <inheritdoc />
    public Task<byte[]> ReadAsync(BlobPath path, CancellationToken cancellationToken) => Guard(async () =>
    {
        var blob = await BlobAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return response.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new BlobNotFoundException(path);
        }
    });

    /// <inheritdoc />
    public Task<StoredBlob> WriteAsync(BlobPath path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => Guard(async () =>
    {
        var blob = await BlobAsync(path, cancellationToken).ConfigureAwait(false);
        var response = await blob.UploadAsync(new BinaryData(content), overwrite: true, cancellationToken).ConfigureAwait(false);
        return new StoredBlob(path, content.Length, response.Value.ETag.ToString(), response.Value.LastModified);
    });

    /// <inheritdoc />
    public Task<StoredBlob> WriteStreamAsync(BlobPath path, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Guard(async () =>
        {
            var blob = await BlobAsync(path, cancellationToken).ConfigureAwait(false);
            await blob.UploadAsync(content, overwrite: true, cancellationToken).ConfigureAwait(false);
            return await GetPropertiesAsync(path, cancellationToken).ConfigureAwait(false)
                ?? throw new BlobNotFoundException(path);
        });
    }

    /// <inheritdoc />
    public Task<bool> CreateIfAbsentAsync(BlobPath path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => Guard(async () =>
    {
        var blob = await BlobAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
            await blob.UploadAsync(new BinaryData(content), options, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    });

    /// <inheritdoc />
    public Task<StoredBlob?> GetPropertiesAsync(BlobPath path, CancellationToken cancellationToken) => Guard(async () =>
    {
        var blob = await BlobAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return new StoredBlob(path, properties.ContentLength, properties.ETag.ToString(), properties.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (StoredBlob?)null;
        }
    });

    /// <inheritdoc />
    public IAsyncEnumerable<StoredBlob> ListAsync(string container, string prefix, CancellationToken cancellationToken) =>
        StorageOutageGuard.EnumerateAsync(Endpoint, IsOutage, ListBlobsAsync(container, prefix, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteAsync(BlobPath path, CancellationToken cancellationToken) => Guard(async () =>
    {
        var blob = await BlobAsync(path, cancellationToken).ConfigureAwait(false);
        return (await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
    });

    // No answer (connection refused, reset, DNS), a timeout, throttling or a server error: the account is down or
    // overloaded, and the same request will succeed later. The SDK has already retried by then.
    private static bool IsOutage(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsOutage),
        HttpRequestException or TimeoutException => true,
        _ => false,
    };

    private string Endpoint => service.Uri.GetLeftPart(UriPartial.Path);

    private Task<T> Guard<T>(Func<Task<T>> operation) => StorageOutageGuard.RunAsync(Endpoint, IsOutage, operation);

    private async IAsyncEnumerable<StoredBlob> ListBlobsAsync(string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = await ContainerAsync(container, cancellationToken).ConfigureAwait(false);
        await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredBlob(
                new BlobPath(container, item.Name),
                item.Properties.ContentLength ?? 0,
                item.Properties.ETag?.ToString() ?? "",
                item.Properties.LastModified ?? DateTimeOffset.MinValue);
        }
    }

    private async Task<BlobClient> BlobAsync(BlobPath path, CancellationToken cancellationToken) =>
        (await ContainerAsync(path.Container, cancellationToken).ConfigureAwait(false)).GetBlobClient(path.Name);

    // Containers are created once per process on first use; a fresh storage account then needs no setup step.
    // A creation that failed (the account was down) is forgotten, so the next call tries again.
    private async Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken)
    {
        var creation = containers.GetOrAdd(name, key => new Lazy<Task<BlobContainerClient>>(async () =>
        {
            var client = service.GetBlobContainerClient(key);
            await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return client;
        }));
        try
        {
            return await creation.Value.ConfigureAwait(false);
        }
        catch
        {
            containers.TryRemove(new KeyValuePair<string, Lazy<Task<BlobContainerClient>>>(name, creation));
            throw;
        }
    }
}
