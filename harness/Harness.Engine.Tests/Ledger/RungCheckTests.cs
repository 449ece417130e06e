using Harness.Engine.Gates;
using Harness.Engine.Ledger;
using Harness.Engine.Plans;

namespace Harness.Engine.Tests.Ledger;

/// <summary>The promotion ledger's rule on fixed entries: which earlier GO counts for a phase, and what the reason says when none does.</summary>
public sealed class RungCheckTests
{
    private static readonly PhasePlan Plan = PlanLoader.LoadDefault();
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private const string Target = "http://stages.example/";

    [Fact]
    public void Evaluate_FirstRungOfThePlan_Passes()
    {
        var check = RungCheck.Evaluate([], Plan, Plan.Phases[0], Target, Now, null);
        Assert.Equal(GateStatus.Pass, check.Status);
        Assert.Contains("first rung", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoRunOfThePreviousRung_FailsNamingIt()
    {
        var check = RungCheck.Evaluate([], Plan, Plan.Find("enforce-50")!, Target, Now, null);
        Assert.Equal(GateStatus.Fail, check.Status);
        Assert.True(check.Blocking);
        Assert.StartsWith("missing rung: no GO of 'enforce-25' for http://stages.example/", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RecentGoOfThePreviousRung_Passes()
    {
        var check = RungCheck.Evaluate([Entry("enforce-25", "GO", Now.AddHours(-3))], Plan, Plan.Find("enforce-50")!, Target, Now, null);
        Assert.Equal(GateStatus.Pass, check.Status);
        Assert.Contains("3 h ago", check.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NO-GO", 3, null, null, "its latest run was NO-GO 3 h ago")]
    [InlineData("GO", 24 * 8, null, null, "its latest GO is 8 d old")]
    [InlineData("GO", 3, "http://other.example/", null, "the ledger holds no run of it")]
    [InlineData("GO", 3, null, "cafe", "its latest GO was under another plan (sha256 cafe")]
    [InlineData("GO", -2, null, null, "dated in the future")]
    public void Evaluate_GoThatDoesNotCount_FailsSayingWhy(string verdict, int hoursAgo, string? target, string? plan, string expected)
    {
        var entry = Entry("enforce-25", verdict, Now.AddHours(-hoursAgo)) with { Target = target ?? Target, PlanSha256 = plan ?? Plan.Sha256 };
        var check = RungCheck.Evaluate([entry], Plan, Plan.Find("enforce-50")!, Target, Now, null);
        Assert.Equal(GateStatus.Fail, check.Status);
        Assert.Contains(expected, check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NewerNoGoAfterAGo_StillCountsTheGo()
    {
        // A later NO-GO of the rung below does not undo its GO: the rung was passed within the age.
        var entries = new[] { Entry("enforce-25", "GO", Now.AddHours(-5)), Entry("enforce-25", "NO-GO", Now.AddHours(-1)) };
        Assert.Equal(GateStatus.Pass, RungCheck.Evaluate(entries, Plan, Plan.Find("enforce-50")!, Target, Now, null).Status);
    }

    [Fact]
    public void Evaluate_Forced_PassesAndSaysItWasOverridden()
    {
        var check = RungCheck.Evaluate([], Plan, Plan.Find("enforce-50")!, Target, Now, "hotfix");
        Assert.Equal(GateStatus.Pass, check.Status);
        Assert.StartsWith("overridden with --force: hotfix (missing rung: no GO of 'enforce-25'", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PlanNamesTheRung_OrNone()
    {
        var plan = PlanLoader.Parse("""
            version: 1
            ledger: { maxAge: 12h }
            phases:
              - name: a
                configuration: { mode: warn }
                gates: [ { id: c, kind: configuration-conformance } ]
              - name: b
                requires: none
                configuration: { mode: warn }
                gates: [ { id: c, kind: configuration-conformance } ]
              - name: c
                requires: a
                configuration: { mode: warn }
                gates: [ { id: c, kind: configuration-conformance } ]
            """, "test", null);
        Assert.Equal(TimeSpan.FromHours(12), plan.LedgerMaxAge);
        Assert.Equal(GateStatus.Pass, RungCheck.Evaluate([], plan, plan.Find("b")!, Target, Now, null).Status);
        var entries = new[] { Entry("a", "GO", Now.AddHours(-1)) with { PlanSha256 = plan.Sha256 } };
        Assert.Equal(GateStatus.Pass, RungCheck.Evaluate(entries, plan, plan.Find("c")!, Target, Now, null).Status);
        Assert.Contains("'a'", RungCheck.Evaluate([], plan, plan.Find("c")!, Target, Now, null).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("requires: nowhere", "requires 'nowhere', which is not a phase of the plan")]
    [InlineData("requires: a", "requires 'a', which is itself")]
    public void Parse_RequiresThatCannotBeMet_IsAPlanError(string requires, string expected)
    {
        var e = Assert.Throws<PlanException>(() => PlanLoader.Parse($$"""
            version: 1
            phases:
              - name: a
                {{requires}}
                configuration: { mode: warn }
                gates: [ { id: c, kind: configuration-conformance } ]
            """, "test", null));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HTTP://Stages.Example:80/api", "http://stages.example/api/")]
    [InlineData("https://stages.example:8443/", "https://stages.example:8443/")]
    [InlineData("embedded", "embedded")]
    [InlineData("ftp://x/", null)]
    [InlineData("stages", null)]
    public void TargetIdentity_IsNormalized(string target, string? expected) => Assert.Equal(expected, TargetIdentity.Of(target));

    [Fact]
    public async Task LedgerFile_Append_KeepsEveryEntry_AndRefusesWhatIsNotALedger()
    {
        var directory = Directory.CreateTempSubdirectory("ledger-test-");
        try
        {
            var path = Path.Combine(directory.FullName, "sub", "ledger.json");
            Assert.Empty(await LedgerFile.ReadAsync(path, CancellationToken.None));
            await LedgerFile.AppendAsync(path, Entry("enforce-10", "GO", Now), CancellationToken.None);
            await LedgerFile.AppendAsync(path, Entry("enforce-25", "NO-GO", Now), CancellationToken.None);
            var read = await LedgerFile.ReadAsync(path, CancellationToken.None);
            Assert.Equal(["enforce-10", "enforce-25"], read.Select(e => e.Phase));
            Assert.Equal(Entry("enforce-10", "GO", Now), read[0]);

            await File.WriteAllTextAsync(path, "{\"schemaVersion\": 9, \"entries\": []}");
            var e = await Assert.ThrowsAsync<FormatException>(() => LedgerFile.AppendAsync(path, Entry("x", "GO", Now), CancellationToken.None));
            Assert.Contains("schemaVersion 9 is not supported", e.Message, StringComparison.Ordinal);
            Assert.Equal("{\"schemaVersion\": 9, \"entries\": []}", await File.ReadAllTextAsync(path));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static LedgerEntry Entry(string phase, string verdict, DateTimeOffset finished) =>
        new(Target, phase, Plan.Sha256, "built-in", verdict, finished.AddMinutes(-2), finished, "/reports/" + phase, null, "0.1.0");
}
