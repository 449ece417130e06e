namespace Harness.Engine.Audit;

/// <summary>Which share of a client's validated requests the limits apply to.</summary>
public enum AuditMeasure
{
    /// <summary>Requests with at least one unknown stage (contract section 11, unknown rate).</summary>
    Unknown,

    /// <summary>Unknown and given the effective mode shadow by the phase's configuration (would-reject rate).</summary>
    WouldReject,
}
