namespace ShelfReady.Pipeline.Activities;

/// <summary>The <c>{file}.error.json</c> kept beside a quarantined upload.</summary>
/// <param name="Source">The upload, container/name.</param>
/// <param name="Code">Machine-readable reason, e.g. "Corrupt", "TooSmall".</param>
/// <param name="Reason">The sentence for the merchant.</param>
/// <param name="Bytes">Size of the upload.</param>
/// <param name="ContentSha256">Hash of the upload, to match it with its copy.</param>
public sealed record QuarantineRecord(string Source, string Code, string Reason, long Bytes, string ContentSha256);
