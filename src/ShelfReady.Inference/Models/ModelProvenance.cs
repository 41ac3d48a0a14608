namespace ShelfReady.Inference.Models;

/// <summary>Where a model comes from and on what terms; the card's "provenance".</summary>
public sealed record ModelProvenance
{
    /// <summary>Download or project URL (or, for the built-in tiny models, the tool that builds them).</summary>
    public required string Source { get; init; }

    /// <summary>Licence name, e.g. "Apache-2.0", "MIT", "CC BY-NC 4.0".</summary>
    public required string Licence { get; init; }

    /// <summary>Whether the licence allows commercial use. False models must not run in a paid deployment.</summary>
    public required bool CommercialUse { get; init; }

    /// <summary>File size in bytes where published; null otherwise.</summary>
    public long? SizeBytes { get; init; }

    /// <summary>Lower-case hex SHA-256 of the file where published (verified on open); null means "verify on install".</summary>
    public string? Sha256 { get; init; }

    /// <summary>Where each preprocessing number comes from, and anything a user should know.</summary>
    public string? Notes { get; init; }
}
