namespace ShelfReady.Pipeline.Ports;

/// <summary>One webhook delivery: a stable id (the receiver's idempotency key), its type and JSON body.</summary>
/// <param name="Id">Stable across retries, e.g. "image.exported_{jobId}".</param>
/// <param name="Type">Event type, e.g. "image.exported".</param>
/// <param name="Body">The JSON payload, under 20 KB.</param>
public sealed record WebhookMessage(string Id, string Type, string Body);
