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
}
