using ShelfReady.Pipeline.Compliance;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>The recorded review request: everything a review page needs, and where to send the decision.</summary>
/// <param name="InstanceId">The ProcessImage instance that waits for the decision.</param>
/// <param name="Request">What the workflow asked for.</param>
/// <param name="Verdicts">Each of the merchant's platforms' verdict on this attempt, as its export will report it; empty when not judged.</param>
public sealed record ReviewRequestRecord(string InstanceId, ReviewRequestInput Request, IReadOnlyList<ComplianceReport>? Verdicts = null);
