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

    /// <summary>Every gate, in the order it ran.</summary>
    public required IReadOnlyList<GateReport> Gates { get; init; }
}

/// <summary>Versions recorded in a report.</summary>
/// <param name="Harness">Informational version of Harness.Engine.</param>
/// <param name="ContractData">Schema version of <c>stage-contract.json</c>.</param>
/// <param name="ContractDataSha256">SHA-256 of the contract data the oracle used, or empty when unknown.</param>
/// <param name="Runtime">The .NET runtime description.</param>
public sealed record ReportVersions(string Harness, int ContractData, string ContractDataSha256, string Runtime);

/// <summary>The target of a rehearsal.</summary>
/// <param name="Kind"><c>embedded</c> (reference service started in-process) or <c>url</c>.</param>
/// <param name="BaseAddress">Where requests went.</param>
/// <param name="ObservedConfiguration">What the target reported on <c>/api/deprecations</c>; null when it could not be read.</param>
public sealed record ReportTarget(string Kind, string BaseAddress, PhaseConfiguration? ObservedConfiguration);

/// <summary>The plan of a rehearsal.</summary>
/// <param name="Source"><c>built-in</c> or the plan file's path.</param>
/// <param name="Sha256">SHA-256 of the plan text.</param>
/// <param name="Version">Plan schema version.</param>
public sealed record ReportPlan(string Source, string Sha256, int Version);
