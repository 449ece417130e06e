using Harness.Engine.Gates;
using Harness.Engine.Gates.Kinds;
using Harness.Engine.Gates.Readiness;
using Harness.Engine.Plans;
using StageContract;

namespace Harness.Acceptance.Tests.Phases;

/// <summary>What the mutation runs are given instead of the built-in plan, and the capture every run replays.</summary>
public sealed class PlanDerivationTests
{
    [Fact]
    public void PlanWithoutMigrationGates_IsTheBuiltInPlanWithOnlyTheMigrationGatesTakenOut()
    {
        var derived = PlanLoader.Parse(PlanWithoutMigrationGates.Text(), "derived", baseDirectory: null);
        var builtIn = BuiltInPhases.Plan;

        Assert.Equal(builtIn.Phases.Select(p => (p.Name, p.Configuration.Describe())), derived.Phases.Select(p => (p.Name, p.Configuration.Describe())));
        foreach (var phase in builtIn.Phases)
        {
            var expected = phase.Gates.Where(g => g.Kind is not (GateKinds.MigrationRehearsal or GateKinds.MigrationVerify)).Select(Shape);
            Assert.Equal(expected, derived.Find(phase.Name)!.Gates.Select(Shape));
        }

        Assert.Contains(builtIn.Phases.SelectMany(p => p.Gates), g => g.Kind == GateKinds.MigrationRehearsal);
    }

    [Fact]
    public void PlanWithoutMigrationGates_DropsExactlyTheKindsThatNeedTheTargetsDatabase()
    {
        var needDatabase = Harness.Cli.CliApp.DefaultRegistry.Described.Where(k => k.Needs.HasFlag(GateNeeds.Database)).Select(k => k.Name).Order(StringComparer.Ordinal);
        Assert.Equal([GateKinds.MigrationRehearsal, GateKinds.MigrationVerify], needDatabase);
    }

    [Fact]
    public void CleanCapture_ReadsAsACaptureOfCanonicalAndAliasStagesOnly()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clean-capture-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, CleanCapture.Text());
        try
        {
            var (requests, error) = CapturedRequest.Load(path);
            Assert.Null(error);
            Assert.Equal(CleanCapture.Requests, requests.Count);
            Assert.Equal(["GET", "POST"], requests.Select(r => r.Method).Distinct().Order(StringComparer.Ordinal));
            Assert.Equal(requests.Count, requests.Select(r => r.RequestId).Distinct().Count());
        }
        finally
        {
            File.Delete(path);
        }

        Assert.All(CleanCapture.Stages, s => Assert.True(ContractRules.Default.Normalizer.Normalize(s).IsKnown, s));
        Assert.Contains(CleanCapture.Stages, s => ContractRules.Default.Data.Stages.Contains(s));
        Assert.Contains(CleanCapture.Stages, s => !ContractRules.Default.Data.Stages.Contains(s));
    }

    private static string Shape(GateSpec gate) =>
        $"{gate.Id} {gate.Kind} blocking={gate.Blocking} threshold={gate.Threshold} parameters={gate.Parameters.Json.GetRawText()}";
}
