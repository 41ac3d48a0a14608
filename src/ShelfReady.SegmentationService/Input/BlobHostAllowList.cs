namespace ShelfReady.SegmentationService.Input;

/// <summary>
/// Hosts URL inputs may be fetched from: exact names, or <c>*.suffix</c> for any subdomain of the suffix (not
/// the suffix itself). Matching is on the URL's host name, case-insensitive; there is no default entry.
/// </summary>
internal sealed class BlobHostAllowList(IEnumerable<string> entries)
{
    private readonly string[] exact = [.. entries.Where(e => !e.StartsWith("*.", StringComparison.Ordinal))];
    private readonly string[] suffixes = [.. entries.Where(e => e.StartsWith("*.", StringComparison.Ordinal)).Select(e => e[1..])];

    public bool IsEmpty => exact.Length == 0 && suffixes.Length == 0;

    public bool Allows(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var host = uri.IdnHost;
        return exact.Any(e => string.Equals(e, host, StringComparison.OrdinalIgnoreCase))
            || suffixes.Any(s => host.Length > s.Length && host.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }
}
