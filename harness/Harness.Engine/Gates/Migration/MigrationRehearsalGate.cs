using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Flurl.Http;
using Harness.Engine.Targets;
using Harness.Engine.Plans;
using Npgsql;
using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Migration;

/// <summary>
/// The migration rehearsal of contract section 10, for real, on the target's database (a staging
/// copy): plan recorded; snapshot, restored into a fresh database and compared by content checksum
/// within a time budget; apply, killed with SIGKILL at a random batch; resume; verify; a second
/// apply that must change nothing; the stage endpoints smoke-tested on the migrated data; rollback
/// from the audit log, which must give back exactly the pre-migration content. With
/// <c>leave: migrated</c> the migration is applied (and verified) once more at the end, so the phase
/// continues on migrated data. Every step is one evidence row; the first failing step fails the gate.
/// </summary>
public sealed class MigrationRehearsalGate : IGate
{
    private const string HarnessMissed = "the crash could not be rehearsed";
    private const string Measured = "migration rehearsal steps that failed (plan, snapshot/restore, apply+kill, resume, verify, idempotence, smoke, rollback)";
    private readonly MigrationRehearsalOptions _options;

    private MigrationRehearsalGate(MigrationRehearsalOptions options) => _options = options;

    /// <summary>The kind: its options, threshold and needs.</summary>
    public static GateKind Kind { get; } = GateKind.For<MigrationRehearsalOptions>(GateKinds.MigrationRehearsal,
        "on the target's database: stage-migrate plan (kept in artifacts/), snapshot, restore into a scratch database compared by content checksum and timed, apply killed with SIGKILL after a seeded number of batches, resume (must continue after the checkpoint), verify, a second apply (must change 0 rows), the stage endpoints smoke-tested on the migrated data, rollback to the exact pre-migration content; with leave: migrated, apply and verify once more; charts of rows changed per stage and seconds per step",
        ThresholdUnit.Count, "== 0", (_, options) => new MigrationRehearsalGate(options)) with
    {
        ThresholdNote = "every step passes",
        Needs = GateNeeds.Database,
    };

    private bool LeaveMigrated => _options.Leave == "migrated";

    /// <summary>Builds the gate from a spec (<see cref="GateKind.Create"/>).</summary>
    public static GateCreation Create(GateSpec spec) => Kind.Create(spec);

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = $"every step passes; restore <= {_options.RestoreBudgetSeconds} s";
        if (context.Database is not { } database)
        {
            return GateResult.NotEvaluated(Measured, "no database: give the target's database (--database, a staging copy) to rehearse the migration", threshold);
        }

        if (!File.Exists(database.MigrationTool))
        {
            return GateResult.NotEvaluated(Measured, $"the migration tool '{database.MigrationTool}' does not exist", threshold);
        }

        var steps = new List<Evidence>();
        var tool = new MigrationTool(database.MigrationTool, database.ConnectionString);
        var artifacts = context.ArtifactsDirectory ?? Directory.CreateTempSubdirectory("rehearse-migration-").FullName;
        Directory.CreateDirectory(artifacts);
        var run = new StepRunner(steps, context.TimeProvider);

        // 0. The database answers and its content is fingerprinted.
        var checksum = await tool.RunAsync(["checksum"], cancellationToken).ConfigureAwait(false);
        if (checksum.ExitCode != 0 || checksum.Json is not { } pristineJson)
        {
            return GateResult.NotEvaluated(Measured, $"the database cannot be read: {checksum.LastErrorLine}", threshold);
        }

        var pristine = pristineJson.GetProperty("combined").GetString()!;
        var rows = pristineJson.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("table").GetString()!, t => t.GetProperty("rows").GetInt64());
        steps.Add(new Evidence("0 checksum", "content fingerprint before the migration", $"{pristine[..16]}; {Rows(rows)}"));

        var failed = await RunStepsAsync(context, tool, run, artifacts, pristine, rows, database.ConnectionString, cancellationToken).ConfigureAwait(false);
        var result = new GateResult
        {
            Status = failed is null ? GateStatus.Pass : failed == HarnessMissed ? GateStatus.NotEvaluated : GateStatus.Fail,
            Measured = Measured,
            Value = failed is null ? 0 : 1,
            ValueText = failed is null ? "0" : "1",
            Threshold = threshold,
            SampleSize = steps.Count,
            Reason = failed is null
                ? $"plan, snapshot/restore, apply killed mid-run, resume, verify, idempotent re-apply, smoke and rollback all passed on {database.Describe()}{(LeaveMigrated ? "; left migrated and verified" : "; rolled back to the exact pre-migration content")}"
                : failed == HarnessMissed
                    ? $"{HarnessMissed} on {database.Describe()}: the migration finished before the harness's kill landed, twice; rerun on a less loaded machine"
                    : $"step '{failed}' failed on {database.Describe()}: {steps[^1].Actual}",
            Charts = [.. Charts(artifacts, run)],
        };
        return result.WithEvidence(steps);
    }

    private async Task<string?> RunStepsAsync(
        GateContext context, MigrationTool tool, StepRunner run, string artifacts, string pristine, Dictionary<string, long> rows, string connectionString, CancellationToken cancellationToken)
    {
        // 1. Plan (dry run), recorded next to the report.
        var planFile = Path.Combine(artifacts, "migration-plan.json");
        var plan = await tool.RunAsync(["plan", "--batch-size", Invariant(_options.BatchSize), "--out", planFile], cancellationToken).ConfigureAwait(false);
        if (!run.Check("1 plan", "dry run recorded", plan.ExitCode == 0 && File.Exists(planFile), () => plan.LastErrorLine, () =>
            {
                using var document = JsonDocument.Parse(File.ReadAllText(planFile));
                var r = document.RootElement;
                var change = r.GetProperty("tables").EnumerateArray().Sum(t => t.GetProperty("wouldChange").GetInt64());
                return $"{change:N0} rows would change; {r.GetProperty("mapping").GetArrayLength()} alias spellings; {r.GetProperty("unmappableValues").GetArrayLength()} unmappable values listed; {planFile}";
            }))
        {
            return "plan";
        }

        // 2. Snapshot, restored into a fresh database, compared by content checksum, timed.
        var snapshotFile = Path.Combine(artifacts, "migration-snapshot.dump");
        var snapshot = await tool.RunAsync(["snapshot", "--file", snapshotFile], cancellationToken).ConfigureAwait(false);
        if (!run.Check("2 snapshot", "pg_dump archive with a SHA-256 sidecar", snapshot.ExitCode == 0, () => snapshot.LastErrorLine,
            () => $"{snapshot.Json?.GetProperty("bytes").GetInt64():N0} bytes, sha256 {snapshot.Json?.GetProperty("sha256").GetString()?[..16]}"))
        {
            return "snapshot";
        }

        var scratch = new NpgsqlConnectionStringBuilder(connectionString);
        scratch.Database = $"{scratch.Database}_restore_check_{context.Seed & 0xffff}";
        await DropDatabaseAsync(connectionString, scratch.Database, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var restore = await tool.RunAsync(["restore", "--file", snapshotFile, "--create"], cancellationToken, scratch.ConnectionString).ConfigureAwait(false);
        var restoreSeconds = clock.Elapsed.TotalSeconds;
        var restoredSum = restore.ExitCode == 0 ? await tool.RunAsync(["checksum"], cancellationToken, scratch.ConnectionString).ConfigureAwait(false) : null;
        await DropDatabaseAsync(connectionString, scratch.Database, cancellationToken).ConfigureAwait(false);
        var restored = restoredSum?.Json?.GetProperty("combined").GetString();
        if (!run.Check("3 restore", $"restored into a fresh database with the same content checksum within {_options.RestoreBudgetSeconds} s",
                restore.ExitCode == 0 && restored == pristine && restoreSeconds <= _options.RestoreBudgetSeconds,
                () => restore.ExitCode != 0 ? restore.LastErrorLine : $"checksum {restored?[..16]} vs {pristine[..16]}, {restoreSeconds:F1} s",
                () => $"checksum equal ({pristine[..16]}), {restoreSeconds:F1} s"))
        {
            return "restore";
        }

        // 3. Apply, killed with SIGKILL after a random number of committed batches.
        var batches = rows.Where(r => r.Key is "portfolio_companies" or "portfolio_strategies").Sum(r => (r.Value + _options.BatchSize - 1) / _options.BatchSize);
        if (batches < 2)
        {
            run.Check("4 apply+kill", "at least 2 batches, so that a kill can land mid-run", false, () => $"{batches} batch(es) of {_options.BatchSize}: too little data to rehearse a crash", () => "");
            return "apply+kill";
        }

        // The kill is sent on reading a batch's progress line and lands in the pause the tool makes
        // after it. If the run still finished first (a loaded machine read the line late), the
        // harness missed, not the target: the completed run is rolled back to the fingerprinted
        // content and the crash rehearsed once more, after the first batch and with a longer pause.
        var killAfter = 1 + context.RandomFor().Next((int)Math.Min(batches - 1, int.MaxValue - 1));
        var sleepMs = _options.SleepMs;
        for (var attempt = 1; ; attempt++)
        {
            var committed = 0;
            var killed = await tool.RunAsync(["apply", "--batch-size", Invariant(_options.BatchSize), "--sleep-ms", Invariant(sleepMs)],
                line => line.Contains(" committed:", StringComparison.Ordinal) && ++committed == killAfter, cancellationToken).ConfigureAwait(false);
            var landed = killed.Killed && killed.ExitCode != 0;
            if (!landed && killed.ExitCode == 0 && attempt == 1)
            {
                var undo = await tool.RunAsync(["rollback", "--all"], cancellationToken).ConfigureAwait(false);
                var undone = undo.ExitCode == 0 ? (await tool.RunAsync(["checksum"], cancellationToken).ConfigureAwait(false)).Json?.GetProperty("combined").GetString() : null;
                if (!run.Check("4 apply+kill", "a run the kill missed is rolled back to the pre-migration content before the crash is rehearsed again", undone == pristine,
                        () => undo.ExitCode != 0 ? undo.LastErrorLine : $"checksum {undone?[..16]} vs {pristine[..16]}",
                        () => $"the run finished before the kill after batch {killAfter} landed; rolled back (checksum equal), rehearsing again"))
                {
                    return "apply+kill";
                }

                (killAfter, sleepMs) = (1, Math.Max(5 * sleepMs, 500));
                continue;
            }

            if (!landed && killed.ExitCode == 0)
            {
                run.Check("4 apply+kill", $"apply killed with SIGKILL after batch {killAfter} of {batches}", false,
                    () => $"{HarnessMissed}: the run finished before the kill landed, twice (pause {sleepMs} ms after each batch)", () => "");
                return HarnessMissed;
            }

            if (!run.Check("4 apply+kill", $"apply killed with SIGKILL after batch {killAfter} of {batches}", landed,
                    () => $"the run ended by itself (exit {killed.ExitCode}: {killed.LastErrorLine}) before batch {killAfter}",
                    () => $"killed after {committed} committed batch(es); exit {killed.ExitCode}{(attempt > 1 ? " (second attempt)" : "")}"))
            {
                return "apply+kill";
            }

            break;
        }

        // 4. Resume continues after the checkpoint.
        var resume = await tool.RunAsync(["resume"], cancellationToken).ConfigureAwait(false);
        var resumedRows = resume.Json?.GetProperty("tables").EnumerateArray().Sum(t => t.GetProperty("rowsRead").GetInt64()) ?? -1;
        var totalRows = rows["portfolio_companies"] + rows["portfolio_strategies"];
        if (!run.Check("5 resume", "the run completes from its last committed batch", resume.ExitCode == 0 && resumedRows < totalRows,
                () => resume.ExitCode != 0 ? resume.LastErrorLine : $"resume read {resumedRows:N0} of {totalRows:N0} rows: it started over",
                () => $"run {resume.Json?.GetProperty("runId").GetInt64()} completed; resume read the remaining {resumedRows:N0} of {totalRows:N0} rows"))
        {
            return "resume";
        }

        // 5. Verify.
        if (!await VerifyStepAsync(tool, run, "6 verify", Path.Combine(artifacts, "migration-verify.json"), cancellationToken).ConfigureAwait(false))
        {
            return "verify";
        }

        // 6. A second apply changes nothing.
        var again = await tool.RunAsync(["apply", "--batch-size", Invariant(_options.BatchSize)], cancellationToken).ConfigureAwait(false);
        var changed = again.Json?.GetProperty("rowsChanged").GetInt64() ?? -1;
        if (!run.Check("7 second apply", "0 rows changed", again.ExitCode == 0 && changed == 0,
                () => again.ExitCode != 0 ? again.LastErrorLine : $"{changed:N0} rows changed", () => "0 rows changed"))
        {
            return "second apply";
        }

        // 7. The stage endpoints on migrated data.
        var smoke = await SmokeAsync(context, tool, cancellationToken).ConfigureAwait(false);
        if (!run.Check("8 smoke", $"GET companies by each canonical stage of fund {_options.SmokeFund} returns the migrated rows; GET strategy answers 200", smoke.Error is null,
                () => smoke.Error!, () => smoke.Summary))
        {
            return "smoke";
        }

        // 8. Rollback of every run (the interrupted one and the no-op re-apply) from the audit log gives back exactly the pre-migration content.
        var rollback = await tool.RunAsync(["rollback", "--all"], cancellationToken).ConfigureAwait(false);
        var after = rollback.ExitCode == 0 ? (await tool.RunAsync(["checksum"], cancellationToken).ConfigureAwait(false)).Json?.GetProperty("combined").GetString() : null;
        if (!run.Check("9 rollback", "content checksum equal to the pre-migration one", rollback.ExitCode == 0 && after == pristine,
                () => rollback.ExitCode != 0 ? rollback.LastErrorLine : $"checksum {after?[..16]} vs {pristine[..16]}",
                () => $"{rollback.Json?.GetProperty("rowsRestored").GetInt64():N0} rows restored; checksum equal ({pristine[..16]})"))
        {
            return "rollback";
        }

        if (LeaveMigrated)
        {
            var final = await tool.RunAsync(["apply", "--batch-size", Invariant(_options.BatchSize)], cancellationToken).ConfigureAwait(false);
            if (!run.Check("10 apply", "the migration applied for the rest of the phase", final.ExitCode == 0, () => final.LastErrorLine,
                    () => $"{final.Json?.GetProperty("rowsChanged").GetInt64():N0} rows changed"))
            {
                return "final apply";
            }

            if (!await VerifyStepAsync(tool, run, "11 verify", Path.Combine(artifacts, "migration-verify-final.json"), cancellationToken).ConfigureAwait(false))
            {
                return "final verify";
            }
        }

        return null;
    }

    private static async Task<bool> VerifyStepAsync(MigrationTool tool, StepRunner run, string name, string file, CancellationToken cancellationToken)
    {
        var verify = await tool.RunAsync(["verify", "--out", file], cancellationToken).ConfigureAwait(false);
        string Checks()
        {
            if (!File.Exists(file))
            {
                return verify.LastErrorLine;
            }

            using var document = JsonDocument.Parse(File.ReadAllText(file));
            return string.Join("; ", document.RootElement.GetProperty("checks").EnumerateArray()
                .Select(c => $"{c.GetProperty("name").GetString()} {(c.GetProperty("passed").GetBoolean() ? "ok" : "FAILED")}: {c.GetProperty("detail").GetString()}"));
        }

        return run.Check(name, "every invariant holds (counts, canonical or unmappable, sums to 1, nothing left to change)", verify.ExitCode == 0, Checks, Checks);
    }

    private async Task<(string? Error, string Summary)> SmokeAsync(GateContext context, MigrationTool tool, CancellationToken cancellationToken)
    {
        var stats = await tool.RunAsync(["stats", "--fund", Invariant(_options.SmokeFund)], cancellationToken).ConfigureAwait(false);
        if (stats.Json is not { } json)
        {
            return ($"stats failed: {stats.LastErrorLine}", "");
        }

        var byStage = json.GetProperty("companiesByStage").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
        long served = 0;
        foreach (var stage in context.Rules.Data.Stages)
        {
            var expected = byStage.GetValueOrDefault(stage);
            using var response = await context.Client.Path($"/api/funds/{_options.SmokeFund}/companies?stage={Uri.EscapeDataString(stage)}")
                .GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is < 200 or > 299)
            {
                return ($"GET companies?stage={stage} answered {response.StatusCode}", "");
            }

            using var body = JsonDocument.Parse(await response.GetStringAsync().ConfigureAwait(false));
            var count = body.RootElement.GetProperty("companies").GetArrayLength();
            if (count != expected)
            {
                return ($"GET companies?stage={stage} returned {count} companies; the migrated table has {expected}", "");
            }

            served += count;
        }

        var ids = json.GetProperty("strategyIds").EnumerateArray().Select(e => e.GetString()!).ToList();
        foreach (var id in ids)
        {
            using var response = await context.Client.Path($"/api/portfolio/strategies/{Uri.EscapeDataString(id)}").GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is < 200 or > 299)
            {
                return ($"GET strategy {id} answered {response.StatusCode}", "");
            }
        }

        return (null, $"{served:N0} companies in {context.Rules.Data.Stages.Count} stage queries matched the table; {ids.Count} strategies read back");
    }

    private static async Task DropDatabaseAsync(string connectionString, string database, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the plan changes, by the stage rows get; and how long each step took.</summary>
    private static IEnumerable<Chart> Charts(string artifacts, StepRunner run)
    {
        var planFile = Path.Combine(artifacts, "migration-plan.json");
        if (File.Exists(planFile))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(planFile));
            var tables = document.RootElement.GetProperty("tables").EnumerateArray()
                .Select(t => (Name: t.GetProperty("table").GetString()!, ByStage: t.GetProperty("wouldChangeByStage").EnumerateObject().ToDictionary(p => p.Name, p => (double)p.Value.GetInt64())))
                .ToList();
            var stages = tables.SelectMany(t => t.ByStage.Keys).Distinct().ToList();
            if (stages.Count > 0)
            {
                yield return new Chart("Rows changed per canonical stage (plan)", stages,
                    [.. tables.Select(t => new ChartSeries(t.Name, [.. stages.Select(s => t.ByStage.GetValueOrDefault(s))]))], "rows");
            }
        }

        if (run.Durations.Count > 0)
        {
            yield return new Chart("Migration rehearsal: seconds per step", [.. run.Durations.Select(d => d.Step)],
                [new ChartSeries("seconds", [.. run.Durations.Select(d => d.Seconds)])], "s");
        }
    }

    private static string Rows(IReadOnlyDictionary<string, long> rows) => string.Join(", ", rows.Select(r => $"{r.Key} {r.Value:N0}"));

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Records one evidence row per step, and the time since the previous step.</summary>
    private sealed class StepRunner(List<Evidence> steps, TimeProvider time)
    {
        private long _since = time.GetTimestamp();

        public List<(string Step, double Seconds)> Durations { get; } = [];

        public bool Check(string step, string expected, bool passed, Func<string> failure, Func<string> success)
        {
            steps.Add(new Evidence(step, expected, passed ? success() : "FAILED: " + failure()));
            Durations.Add((step, time.GetElapsedTime(_since).TotalSeconds));
            _since = time.GetTimestamp();
            return passed;
        }
    }
}
