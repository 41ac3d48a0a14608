namespace ShelfReady.Pipeline.Compliance;

/// <summary>A platform's verdict on one export, with a reason for each rule it breaks.</summary>
/// <param name="Platform">The platform profile.</param>
/// <param name="Verdict">Compliant, fix or not allowed.</param>
/// <param name="Reasons">One sentence per broken rule; empty when compliant.</param>
/// <param name="Notes">What was not checked and why (e.g. text detection not installed).</param>
public sealed record ComplianceReport(string Platform, ComplianceVerdict Verdict, IReadOnlyList<string> Reasons, IReadOnlyList<string> Notes);
