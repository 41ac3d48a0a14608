using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Pipeline.Ports;

/// <summary>
/// Links a merchant can open from outside the host to a delivered file: read-only and expiring. In Azure, a
/// user-delegation SAS URL; on one machine, a signed URL that <c>serve</c> answers at its public address.
/// </summary>
public interface IDownloadLinks
{
    /// <summary>A read-only link to the file that stops working after the configured lifetime.</summary>
    Task<Uri> LinkAsync(BlobPath path, CancellationToken cancellationToken);
}
