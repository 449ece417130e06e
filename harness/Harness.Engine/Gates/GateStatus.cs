namespace Harness.Engine.Gates;

/// <summary>How a gate ended.</summary>
public enum GateStatus
{
    /// <summary>Measured, and the threshold is met.</summary>
    Pass,

    /// <summary>Measured, and the threshold is not met.</summary>
    Fail,

    /// <summary>Ran, but saw too little data to judge.</summary>
    Inconclusive,

    /// <summary>Could not run (target unreachable, kind not implemented, gate error). Never a pass.</summary>
    NotEvaluated,

    /// <summary>
    /// The question has no subject on this target (traffic readiness on the embedded reference,
    /// which has no real traffic; a dual run without a primary to compare with). Reported with the reason; it neither passes nor blocks.
    /// A phase whose blocking gates are all not applicable is NO-GO.
    /// </summary>
    NotApplicable,
}
