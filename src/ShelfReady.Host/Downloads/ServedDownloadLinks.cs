using Microsoft.Extensions.Options;
using ShelfReady.Adapters.Storage;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Review.Links;

namespace ShelfReady.Host.Downloads;

/// <summary>
/// Download links on one machine: <c>{Downloads:PublicBaseUrl}files/{token}</c>, answered by <c>serve</c>
/// (<see cref="DownloadEndpoints"/>). The token names the file and its expiry and is signed with the review
/// link keys, so no table of links is kept and a changed or expired link is refused.
/// </summary>
public sealed class ServedDownloadLinks(ReviewLinkSigner signer, IOptions<DownloadLinkOptions> options, TimeProvider time) : IDownloadLinks
{
    /// <inheritdoc />
    public Task<Uri> LinkAsync(BlobPath path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var settings = options.Value;
        var baseUrl = settings.PublicBaseUrl ?? throw new InvalidOperationException("Downloads:PublicBaseUrl is not set.");
        var token = signer.Sign(new FileLink(path.Container, path.Name, time.GetUtcNow() + settings.Lifetime));
        return Task.FromResult(new Uri(baseUrl, $"files/{token}"));
    }
}
