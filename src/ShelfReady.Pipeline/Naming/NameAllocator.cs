namespace ShelfReady.Pipeline.Naming;

/// <summary>
/// Resolves name collisions inside one export folder deterministically: requests are ordered by a stable
/// key (the source path), the first keeps its name and later ones get "-2", "-3" before the extension, so
/// re-running a batch yields the same names whatever order its images finished in.
/// </summary>
public static class NameAllocator
{
    /// <summary>Maps each request key to a unique file name.</summary>
    /// <param name="requests">Pairs of (stable key, wanted name).</param>
    public static IReadOnlyDictionary<string, string> Allocate(IEnumerable<(string Key, string WantedName)> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, wanted) in requests.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var name = wanted;
            for (var n = 2; !taken.Add(name); n++)
            {
                name = WithSuffix(wanted, n);
            }

            result[key] = name;
        }

        return result;
    }

    private static string WithSuffix(string name, int n)
    {
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? $"{name}-{n}" : $"{name[..dot]}-{n}{name[dot..]}";
    }
}
