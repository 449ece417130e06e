namespace Harness.Engine.Gates;

/// <summary>Names of the gate kinds this version implements, and of the kinds later versions add.</summary>
public static class GateKinds
{
    /// <summary>The target's <c>/api/deprecations</c> matches the phase configuration.</summary>
    public const string ConfigurationConformance = "configuration-conformance";

    /// <summary>Every golden payload gets the contract's answer.</summary>
    public const string GoldenConformance = "golden-conformance";

    /// <summary>Warn/shadow responses to unknown stages carry the whole deprecation (or would-reject) set.</summary>
    public const string HeaderCoverage = "header-coverage";

    /// <summary>Generated requests get the status, mode and headers the decision table gives.</summary>
    public const string DecisionTable = "decision-table";

    /// <summary><c>/metrics</c> labels stay within their allowed sets and never hold raw stage values.</summary>
    public const string BoundedLabels = "bounded-labels";

    /// <summary>Kinds planned for later versions (load, migration, drill); listed so <c>phases</c> can say so.</summary>
    public static IReadOnlyList<string> Planned { get; } =
    [
        "validator-latency", "error-rate", "sustained-error-rate", "enforced-share", "would-reject-rate",
        "unknown-rate", "migration-rehearsal", "migration-verify", "auto-downgrade-drill",
    ];
}
