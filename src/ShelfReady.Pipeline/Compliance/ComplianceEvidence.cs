namespace ShelfReady.Pipeline.Compliance;

/// <summary>
/// What one photo shows, measured once on the source and its approved matte and judged per platform by
/// <see cref="ComplianceJudge"/>. Written by the CheckCompliance activity.
/// </summary>
/// <param name="TextDetector">The text detector's model name; null when text detection was not run.</param>
/// <param name="TextDetectionNote">Why text detection was not run; null when it was.</param>
/// <param name="Text">Text regions found, packaging and overlay alike.</param>
/// <param name="Watermark">Overlay text repeated or spread over the frame.</param>
/// <param name="Border">A uniform band around all four edges unlike the picture inside it.</param>
/// <param name="CutEdges">Frame edges ("left", "top", "right", "bottom") the product runs into.</param>
/// <param name="SeparateObjects">Significant separate parts of the matte.</param>
/// <param name="BackdropTexture">Mean gradient of the backdrop away from the product, in 8-bit levels per pixel.</param>
/// <param name="BackdropSpread">Standard deviation of the backdrop's lightness away from the product, in 8-bit levels.</param>
/// <param name="Scene">The backdrop is a scene, not a studio sweep.</param>
public sealed record ComplianceEvidence(
    string? TextDetector,
    string? TextDetectionNote,
    IReadOnlyList<TextFinding> Text,
    bool Watermark,
    bool Border,
    IReadOnlyList<string> CutEdges,
    int SeparateObjects,
    double BackdropTexture,
    double BackdropSpread,
    bool Scene);
