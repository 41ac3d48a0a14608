using ShelfReady.Pipeline.Compliance;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>The delivery package's manifest.json: each listed image, its status and its files.</summary>
/// <param name="Merchant">The merchant.</param>
/// <param name="Batch">The batch.</param>
/// <param name="Images">One row per listed image.</param>
/// <param name="Missing">Listed files that never finished.</param>
/// <param name="Failed">Listed files rejected, not approved or failed, with the reason.</param>
public sealed record DeliveryManifest(string Merchant, string Batch, IReadOnlyList<DeliveredImage> Images, IReadOnlyList<string> Missing, IReadOnlyList<string> Failed);

/// <summary>One image of a delivery.</summary>
/// <param name="File">The upload's name below the batch folder.</param>
/// <param name="JobId">Its job, once known.</param>
/// <param name="Status">How it ended, or null when it did not finish.</param>
/// <param name="Reason">Why it was not exported.</param>
/// <param name="Files">Its exported files, with their place in the zip.</param>
public sealed record DeliveredImage(string File, string? JobId, ImageStatus? Status, string? Reason, IReadOnlyList<DeliveredFile> Files);

/// <summary>One exported file in the zip.</summary>
/// <param name="Platform">The platform profile.</param>
/// <param name="Entry">Its path inside the zip: {platform}/{name}.</param>
/// <param name="Format">File format.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Bytes">File size.</param>
/// <param name="Sha256">Hex SHA-256 of the file.</param>
/// <param name="Compliance">The platform's verdict on what the image shows, with reasons; null where none was checked.</param>
/// <param name="Url">A download link to the exported file itself, where the host gives links.</param>
public sealed record DeliveredFile(string Platform, string Entry, string Format, int Width, int Height, long Bytes, string Sha256, ComplianceReport? Compliance = null, Uri? Url = null);
