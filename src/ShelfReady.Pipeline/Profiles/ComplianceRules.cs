namespace ShelfReady.Pipeline.Profiles;

/// <summary>
/// What a platform refuses in what an image shows, as data (a profile's "compliance"); every rule is off unless
/// the profile turns it on. Checked against the source photo and its approved matte by
/// <see cref="Compliance.ComplianceJudge"/>.
/// </summary>
public sealed record ComplianceRules
{
    /// <summary>No text, logo or watermark outside the product's own packaging.</summary>
    public bool NoOverlayText { get; init; }

    /// <summary>No border or frame around the photo.</summary>
    public bool NoBorder { get; init; }

    /// <summary>The whole product inside the frame, not cut by its edge.</summary>
    public bool WholeProductInFrame { get; init; }

    /// <summary>Most separate objects allowed unless the upload declares a multi-pack ("pieces"); null for no limit.</summary>
    public int? MaxSeparateObjects { get; init; }

    /// <summary>A studio backdrop, not a scene: lifestyle and people shots are refused.</summary>
    public bool StudioBackdrop { get; init; }

    /// <summary>True when any rule is on.</summary>
    public bool Any => NoOverlayText || NoBorder || WholeProductInFrame || MaxSeparateObjects is not null || StudioBackdrop;
}
