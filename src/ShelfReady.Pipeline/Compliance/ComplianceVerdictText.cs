namespace ShelfReady.Pipeline.Compliance;

/// <summary>The words a verdict is written with wherever people read it: outcome JSON, the CSV, reports and review pages.</summary>
public static class ComplianceVerdictText
{
    /// <summary>"compliant", "fix" or "not allowed".</summary>
    public static string Label(this ComplianceVerdict verdict) => verdict switch
    {
        ComplianceVerdict.Compliant => "compliant",
        ComplianceVerdict.Fix => "fix",
        ComplianceVerdict.NotAllowed => "not allowed",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Not a compliance verdict."),
    };

    /// <summary>The reasons a platform gave, then what it could not check; empty for a clean verdict.</summary>
    public static string Details(this ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Join(" ", report.Reasons.Concat(report.Notes.Select(n => "not checked: " + n)));
    }
}
