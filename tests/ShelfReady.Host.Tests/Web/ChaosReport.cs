namespace ShelfReady.Host.Tests.Web;

/// <summary>What a chaos run did and every guarantee it found broken (none, when all held).</summary>
/// <param name="Images">Images in the catalogue.</param>
/// <param name="Exported">Images that ended exported (the others were routed to a person, who never came).</param>
/// <param name="Kills">Where each kill fell.</param>
/// <param name="ExportFiles">Export files the outcomes name, each checked complete.</param>
/// <param name="WebhookDeliveries">Webhook requests received, retries included.</param>
/// <param name="Elapsed">Wall time of the whole run.</param>
/// <param name="Problems">Broken guarantees, in words.</param>
internal sealed record ChaosReport(int Images, int Exported, IReadOnlyList<string> Kills, int ExportFiles, int WebhookDeliveries, TimeSpan Elapsed, IReadOnlyList<string> Problems);
