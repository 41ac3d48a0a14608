using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Adapters.Storage;

/// <summary>
/// Read-only, expiring SAS URLs to blobs. With managed identity (no account key) each link is a user-delegation
/// SAS signed with a delegation key the identity obtains (it needs Storage Blob Delegator); a key is asked for
/// with the longest validity the service allows and signs every link until one would outlive it. A client built from a connection string with an account
/// key (Azurite, local runs) signs a service SAS with that key instead.
/// </summary>
public sealed class AzureBlobDownloadLinks(BlobServiceClient service, IOptions<DownloadLinkOptions> options, TimeProvider time) : IDownloadLinks
{
    // The most a user-delegation key may be valid for, by the service's rule.
    private static readonly TimeSpan MaxKeyLifetime = TimeSpan.FromDays(7);

    // Clock skew between this host and the storage service.
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private UserDelegationKey? delegationKey;

    /// <inheritdoc />
    public async Task<Uri> LinkAsync(BlobPath path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var blob = service.GetBlobContainerClient(path.Container).GetBlobClient(path.Name);
        var now = time.GetUtcNow();
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, now + options.Value.Lifetime)
        {
            BlobContainerName = path.Container,
            BlobName = path.Name,
            Resource = "b",
            StartsOn = now - Skew,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        var key = await DelegationKeyAsync(sas.ExpiresOn, now, cancellationToken).ConfigureAwait(false);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, service.AccountName) }.ToUri();
    }

    private async Task<UserDelegationKey> DelegationKeyAsync(DateTimeOffset linkExpires, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref delegationKey) is { } cached && cached.SignedExpiresOn >= linkExpires)
        {
            return cached;
        }

        var response = await service.GetUserDelegationKeyAsync(now - Skew, now + MaxKeyLifetime - Skew, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref delegationKey, response.Value);
        return response.Value;
    }
}
