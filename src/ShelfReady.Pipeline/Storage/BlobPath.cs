namespace ShelfReady.Pipeline.Storage;

/// <summary>
/// A validated reference to a blob: a container and a '/'-separated name. Names come from uploads and
/// merchant configuration, so anything that could escape a folder or confuse a store is refused here,
/// once, instead of in every adapter.
/// </summary>
public sealed record BlobPath
{
    private const int MaxNameLength = 1024;

    /// <summary>Creates a path, refusing traversal, absolute paths, empty segments and control characters.</summary>
    /// <exception cref="ArgumentException">The container or name is unsafe; the message says how.</exception>
    public BlobPath(string container, string name)
    {
        Container = ValidateContainer(container);
        Name = ValidateName(name);
    }

    /// <summary>The container, e.g. "uploads".</summary>
    public string Container { get; }

    /// <summary>The name inside the container, e.g. "acme/b1/shoe.jpg".</summary>
    public string Name { get; }

    /// <summary>The last segment of the name.</summary>
    public string FileName => Name[(Name.LastIndexOf('/') + 1)..];

    /// <summary>The name without its last segment, or "" at the container's root.</summary>
    public string Directory => Name.Contains('/', StringComparison.Ordinal) ? Name[..Name.LastIndexOf('/')] : "";

    /// <summary>A sibling blob in the same container whose name is this one's with a suffix, e.g. ".json".</summary>
    public BlobPath WithSuffix(string suffix) => new(Container, Name + suffix);

    /// <inheritdoc />
    public override string ToString() => $"{Container}/{Name}";

    private static string ValidateContainer(string container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (container.Length is < 3 or > 63 || !container.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"Container '{container}' must be 3–63 lowercase letters, digits or '-'.", nameof(container));
        }

        return container;
    }

    private static string ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            throw new ArgumentException($"A blob name must be 1–{MaxNameLength} characters.", nameof(name));
        }

        if (name.StartsWith('/') || name.Contains('\\', StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Blob name '{name}' must be relative and use '/' only.", nameof(name));
        }

        if (name.Any(char.IsControl))
        {
            throw new ArgumentException("A blob name must not contain control characters.", nameof(name));
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".." || segment.EndsWith('.') || segment.Trim().Length != segment.Length)
            {
                throw new ArgumentException($"Blob name '{name}' has an empty, '.', '..' or padded segment.", nameof(name));
            }
        }

        return name;
    }
}
