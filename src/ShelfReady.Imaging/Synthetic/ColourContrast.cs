namespace ShelfReady.Imaging.Synthetic;

/// <summary>How far a synthetic product's colour sits from its local background (ΔE76).</summary>
internal enum ColourContrast
{
    /// <summary>ΔE ≥ 30 and never a light neutral that could pass for a shadow.</summary>
    High,

    /// <summary>ΔE 11–20, a moderate colour match.</summary>
    Moderate,

    /// <summary>ΔE 6–9.5 with a visible chroma shift: the product almost disappears into the sweep.</summary>
    Close,
}
