using System.Text.Json.Serialization;

namespace ShelfReady.Pipeline.Compliance;

/// <summary>Whether a platform takes an export as it is.</summary>
public enum ComplianceVerdict
{
    /// <summary>Meets every content rule the platform's profile checks: "compliant".</summary>
    Compliant,

    /// <summary>Breaks a rule that an edit can mend (a border to crop, extra items to declare or remove): "fix".</summary>
    Fix,

    /// <summary>What the photo shows is refused (overlay text, a scene, a cropped product): a new photo is needed. "not allowed".</summary>
    [JsonStringEnumMemberName("not allowed")]
    NotAllowed,
}
