using System.Runtime.CompilerServices;
using Harness.Engine.Gates;
using Harness.Engine.Plans;
using Harness.Engine.Reports;
using Harness.Engine.Reports.Kit;
using Harness.Engine.Verdicts;
using Snapshooter;
using Snapshooter.Xunit;

namespace Harness.Engine.Tests.Reports.Kit;

/// <summary>
/// The release kit written into every report folder (issue 14): runbook.md and changelog.md. One
/// snapshot per report shows both side by side, line by line; the rules they follow from the contract
/// are asserted on their own beside the snapshots, so that a snapshot is never the only check.
/// </summary>
public sealed class ReleaseKitTests
{
    private static readonly PhasePlan Plan = PlanLoader.LoadDefault();

    public static TheoryData<string> Phases() => [.. Plan.Phases.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Phases))]
    public void Kit_OfEveryBuiltInPhase_MatchesSnapshot(string phase)
    {
        var report = GoReport(phase);
        Snapshot.Match(new KitSnapshot(phase, Lines(RunbookWriter.Write(report)), Lines(ChangelogWriter.Write(report))), Name($"{phase}.snap"));
    }

    [Fact]
    public void Kit_OfANoGoReportWithHostileText_MatchesSnapshot()
    {
        var report = SampleReports.Mixed();
        Snapshot.Match(new KitSnapshot(report.Phase, Lines(RunbookWriter.Write(report)), Lines(ChangelogWriter.Write(report))), Name("no-go-hostile.snap"));
    }

    [Fact]
    public void Runbook_NoGo_SaysDoNotPromoteAndNamesTheBlockingGates()
    {
        var runbook = RunbookWriter.Write(SampleReports.Mixed());
        Assert.Contains("**Do not promote.**", runbook, StringComparison.Ordinal);
        Assert.Contains("- `configuration`: Fail:", runbook, StringComparison.Ordinal);
        Assert.Contains("- `headers`: Inconclusive:", runbook, StringComparison.Ordinal);
        Assert.DoesNotContain("`validator-p99`:", runbook, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", runbook, StringComparison.Ordinal);
    }

    [Fact]
    public void Runbook_ReportOfNoPlanPhase_DoesNotClaimARungAroundIt()
    {
        var runbook = RunbookWriter.Write(GoReport("enforce-25") with { Ladder = null });
        Assert.Contains("not of a plan phase", runbook, StringComparison.Ordinal);
        Assert.DoesNotContain("first rung", runbook, StringComparison.Ordinal);
        Assert.DoesNotContain("last rung", runbook, StringComparison.Ordinal);
    }

    [Fact]
    public void Changelog_NoGo_IsADraft()
    {
        Assert.Contains("> Draft:", ChangelogWriter.Write(SampleReports.Mixed()), StringComparison.Ordinal);
        Assert.DoesNotContain("> Draft:", ChangelogWriter.Write(GoReport("enforce-25")), StringComparison.Ordinal);
    }

    [Fact]
    public void Runbook_Enforce25_RollsBackToWarnThenToEnforce10()
    {
        var runbook = RunbookWriter.Write(GoReport("enforce-25"));
        var rollback = runbook[runbook.IndexOf("## Roll back", StringComparison.Ordinal)..];
        Assert.Contains("set the global mode to `warn`", rollback, StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"warn\"", rollback, StringComparison.Ordinal);
        Assert.Contains("**enforce-10**", rollback, StringComparison.Ordinal);
        Assert.Contains("ENFORCEMENT_PERCENT=10", rollback, StringComparison.Ordinal);
        Assert.Contains("Next rung: **enforce-50**", runbook, StringComparison.Ordinal);
    }

    [Fact]
    public void Runbook_PhaseWithMigrationGates_HasTheMigrationRollback_OthersDoNot()
    {
        var withMigration = Plan.Phases.First(p => p.Gates.Any(g => g.Kind is GateKinds.MigrationRehearsal or GateKinds.MigrationVerify));
        var without = Plan.Phases.First(p => p.Gates.All(g => g.Kind is not (GateKinds.MigrationRehearsal or GateKinds.MigrationVerify)));
        Assert.Contains("stage-migrate rollback --database \"$STAGE_DATABASE_URL\"", RunbookWriter.Write(GoReport(withMigration.Name)), StringComparison.Ordinal);
        Assert.DoesNotContain("stage-migrate", RunbookWriter.Write(GoReport(without.Name)), StringComparison.Ordinal);
    }

    [Fact]
    public void Runbook_ListsEveryShippedAlert_AndWhichDowngrade()
    {
        var runbook = RunbookWriter.Write(GoReport("enforce-100"));
        Assert.NotEmpty(AlertRoute.Shipped);
        Assert.All(AlertRoute.Shipped, a => Assert.Contains($"| `{a.Alert}` |", runbook, StringComparison.Ordinal));
        Assert.Contains("| `StageValidationHighErrorRatio` | page | pages on-call; downgrades the mode to warn |", runbook, StringComparison.Ordinal);
        Assert.Contains("| `StageUnknownRateOverExitThreshold` | ticket | opens a ticket |", runbook, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("enforce", 25, false, "warn")]
    [InlineData("enforce", 100, false, "warn")]
    [InlineData("enforce", 0, false, "off")]
    [InlineData("warn", 100, true, "off")]
    [InlineData("enforce", 100, true, "off")]
    [InlineData("warn", 100, false, "off")]
    [InlineData("off", 100, false, null)]
    public void KillSwitch_IsTheHighestModeThatRejectsNothing(string mode, int percent, bool writeOnly, string? expected)
    {
        var configuration = new PhaseConfiguration { Mode = mode, EnforcementPercent = percent, EnforceWriteOnly = writeOnly };
        Assert.Equal(expected, PhaseSettings.KillSwitch(configuration)?.Mode);
    }

    [Fact]
    public void Runbook_EnforcingOverride_SaysTheModeStoreDoesNotReachIt()
    {
        var report = GoReport("enforce-25") with
        {
            Configuration = new PhaseConfiguration { Mode = "warn", Overrides = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["/api/allocations"] = "enforce" } },
        };
        Assert.Contains("`/api/allocations` keep enforcing", RunbookWriter.Write(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Changelog_CarriesTheSunsetAndDocsUrl_OrSaysThatNoneWasDeclared()
    {
        var declared = ChangelogWriter.Write(SampleReports.Mixed());
        Assert.Contains("`Thu, 01 Jul 2027 00:00:00 GMT`", declared, StringComparison.Ordinal);
        Assert.Contains("`https://docs.team.example/stages`", declared, StringComparison.Ordinal);
        var none = ChangelogWriter.Write(GoReport("enforce-25") with { ContractValues = null });
        Assert.Contains("not declared and not seen", none, StringComparison.Ordinal);
    }

    [Fact]
    public void ShellQuote_SingleQuote_IsClosedEscapedAndReopened() =>
        Assert.Equal("'it'\\''s'", PhaseSettings.ShellQuote("it's"));

    [Fact]
    public void Writers_ArePureFunctionsOfTheModel()
    {
        var report = GoReport("write-enforce");
        Assert.Equal(RunbookWriter.Write(report), RunbookWriter.Write(report));
        Assert.Equal(ChangelogWriter.Write(report), ChangelogWriter.Write(report));
    }

    /// <summary>A GO report of a built-in phase, its gates passed as the plan lists them.</summary>
    private static RehearsalReport GoReport(string phase)
    {
        var found = Plan.Find(phase)!;
        return SampleReports.Mixed() with
        {
            Phase = found.Name,
            PhaseDescription = found.Description,
            Verdict = Verdict.Go,
            VerdictReason = "every blocking gate passed",
            Target = new ReportTarget("url", "https://stages.staging.example/", found.Configuration),
            Configuration = found.Configuration,
            Ladder = ReportLadder.Around(Plan, found.Name),
            ContractValues = new ReportContractValues("Thu, 01 Jul 2027 00:00:00 GMT", "https://docs.team.example/stages", "declared in the plan's contract block"),
            Gates = [.. found.Gates.Select(g => new GateReport
            {
                Id = g.Id,
                Kind = g.Kind,
                Blocking = g.Blocking,
                Status = GateStatus.Pass,
                Measured = "measure of " + g.Id,
                ValueText = "ok",
                Threshold = g.Threshold?.Text ?? "",
                Reason = "met",
            })],
        };
    }

    private static string[] Lines(string text) => text.Split('\n');

    private static SnapshotFullName Name(string file, [CallerFilePath] string source = "") =>
        new(file, Path.GetDirectoryName(source)!);

    private sealed record KitSnapshot(string Phase, string[] Runbook, string[] Changelog);
}
