using Harness.Engine.Plans;
using Harness.Engine.Verdicts;

namespace Harness.Engine.Reports;

/// <summary>
/// The result of one rehearsal: the single immutable model every report format is written from.
/// Its JSON form (<c>report.json</c>) is documented in <c>harness/README.md</c>.
/// </summary>
public sealed record RehearsalReport
{
    /// <summary>Current value of <see cref="SchemaVersion"/>.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Version of this document's shape; default <see cref="CurrentSchemaVersion"/>.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The phase rehearsed.</summary>
    public required string Phase { get; init; }

    /// <summary>The phase's one-line description.</summary>
    public string PhaseDescription { get; init; } = "";

    /// <summary>The decision.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>One line that explains the verdict.</summary>
    public required string VerdictReason { get; init; }

    /// <summary>When the rehearsal started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it finished (UTC).</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>Seed of every generated request; rerun with <c>--seed</c> to reproduce.</summary>
    public required int Seed { get; init; }

    /// <summary>Versions of the harness, the contract data and the runtime.</summary>
    public required ReportVersions Versions { get; init; }

    /// <summary>What was rehearsed against.</summary>
    public required ReportTarget Target { get; init; }

    /// <summary>Which plan the phase came from.</summary>
    public required ReportPlan Plan { get; init; }

    /// <summary>The configuration the phase requires.</summary>
    public required PhaseConfiguration Configuration { get; init; }

    /// <summary>The sunset and docs URL the target was held to, and where they came from; null in reports written before they were recorded.</summary>
    public ReportContractValues? ContractValues { get; init; }

    /// <summary>The phases before and after this one in the plan (for the runbook's rollback and next step); null for a load scenario and in reports written before it was recorded.</summary>
    public ReportLadder? Ladder { get; init; }

    /// <summary>With <c>--known-findings</c>: the findings accepted, new and fixed; null otherwise.</summary>
    public ReportFindings? Findings { get; init; }

    /// <summary>Every gate, in the order it ran.</summary>
    public required IReadOnlyList<GateReport> Gates { get; init; }
}
