using System.Text.Json;
using Harness.Engine.Plans;
using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Migration;

/// <summary>
/// "Migration verified" (contract section 11, write-enforce): runs the migration tool's read-only
/// <c>verify</c> on the target's database. Pass when every invariant holds; each check is one
/// evidence row with the tool's offending rows.
/// </summary>
public sealed class MigrationVerifyGate : IGate
{
    private const string Measured = "migration invariants that do not hold (stage-migrate verify)";

    private MigrationVerifyGate()
    {
    }

    /// <summary>The kind: its options (none), threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<MigrationVerifyOptions>(GateKinds.MigrationVerify,
        "stage-migrate verify on the target's database (read-only): newest run completed, row counts kept, every stage canonical or listed as unmappable, every distribution sums to 1, nothing left for a second apply; one evidence row per check with the offending rows",
        ThresholdUnit.Count, "== 0", (_, _) => new MigrationVerifyGate()) with
    {
        DefaultThreshold = "== 0",
        Needs = GateNeeds.Database,
    };

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        const string threshold = "== 0";
        if (context.Database is not { } database)
        {
            return GateResult.NotEvaluated(Measured, "no database: give the target's database (--database) to verify its migration", threshold);
        }

        if (!File.Exists(database.MigrationTool))
        {
            return GateResult.NotEvaluated(Measured, $"the migration tool '{database.MigrationTool}' does not exist", threshold);
        }

        var verify = await new MigrationTool(database.MigrationTool, database.ConnectionString).RunAsync(["verify"], cancellationToken).ConfigureAwait(false);
        if (verify.ExitCode is not (0 or 1) || verify.Json is not { } json)
        {
            return GateResult.NotEvaluated(Measured, $"verify could not run: {verify.LastErrorLine}", threshold);
        }

        var checks = json.GetProperty("checks").EnumerateArray().ToList();
        var failed = checks.Where(c => !c.GetProperty("passed").GetBoolean()).ToList();
        var evidence = checks
            .OrderBy(c => c.GetProperty("passed").GetBoolean())
            .Select(c => new Evidence(
                c.GetProperty("name").GetString()!,
                "holds",
                (c.GetProperty("passed").GetBoolean() ? "holds: " : "FAILED: ") + c.GetProperty("detail").GetString(),
                Offenders(c)))
            .ToList();
        var unmappable = json.GetProperty("unmappable").GetArrayLength();
        var result = new GateResult
        {
            Status = failed.Count == 0 ? GateStatus.Pass : GateStatus.Fail,
            Measured = Measured,
            Value = failed.Count,
            ValueText = $"{failed.Count}",
            Threshold = threshold,
            SampleSize = checks.Count,
            Reason = failed.Count == 0
                ? $"every invariant holds on {database.Describe()} ({unmappable} distinct unmappable values listed, none guessed)"
                : $"{string.Join(", ", failed.Select(c => c.GetProperty("name").GetString()))} failed on {database.Describe()}",
        };
        return result.WithEvidence(evidence);
    }

    private static string? Offenders(JsonElement check)
    {
        var offenders = check.GetProperty("offenders").EnumerateArray().Select(o => o.GetString()).ToList();
        return offenders.Count == 0 ? null : string.Join(", ", offenders);
    }
}
