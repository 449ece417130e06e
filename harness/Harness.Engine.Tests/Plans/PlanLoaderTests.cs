using Harness.Engine.Gates;
using Harness.Engine.Plans;

namespace Harness.Engine.Tests.Plans;

public sealed class PlanLoaderTests
{
    private const string Minimal = """
        version: 1
        phases:
          - name: p
            configuration: { mode: warn }
            gates:
              - id: c
                kind: configuration-conformance
        """;

    public static TheoryData<string, string> BadPlans => new()
    {
        { "version: 1\nphases: [ {name: p", "invalid YAML" },
        { "- just\n- a list", "a plan is one YAML document holding a mapping" },
        { "version: 2\nphases: []", "plan version 2 is not supported" },
        { "version: 1\nphases: []", "the plan has no phases" },
        { "version: 1\nphase: []", "unknown plan key 'phase'" },
        { Minimal.Replace("mode: warn", "mode: loud", StringComparison.Ordinal), "mode 'loud' is not one of off, warn, enforce" },
        { Minimal.Replace("mode: warn", "mode: warn, enforcementPercent: 120", StringComparison.Ordinal), "enforcementPercent must be within 0..100" },
        { Minimal.Replace("mode: warn", "mode: warn, dryRun: maybe", StringComparison.Ordinal), "'dryRun' must be true or false" },
        { Minimal.Replace("kind: configuration-conformance", "kind: configuration-conformance\n        threshold: \"about 5\"", StringComparison.Ordinal), "threshold 'about 5' must start with" },
        { Minimal.Replace("kind: configuration-conformance", "kind: configuration-conformance\n        blocking: false", StringComparison.Ordinal), "has no blocking gate" },
        { Minimal.Replace("kind: configuration-conformance", "kind: configuration-conformance\n        colour: red", StringComparison.Ordinal), "unknown gate key 'colour'" },
        { Minimal + "\n      - id: c\n        kind: bounded-labels", "two gates with id 'c'" },
        { Minimal + "\n  - name: p\n    configuration: { mode: off }\n    gates: [ { id: x, kind: y } ]", "phase 'p' is defined twice" },
        { Minimal.Replace("- id: c\n", "- ", StringComparison.Ordinal), "missing required key 'id'" },
        { Minimal.Replace("name: p", "name: \"bad name\"", StringComparison.Ordinal), "phase name 'bad name' may only hold" },
        { Minimal.Replace("configuration: { mode: warn }", "configuration: { mode: warn, overrides: { api/x: enforce } }", StringComparison.Ordinal), "needs a route template starting with '/'" },
    };

    [Fact]
    public void LoadDefault_HasTheContractPhasesInOrder()
    {
        var plan = PlanLoader.LoadDefault();
        Assert.Equal(["off", "staging-warn", "write-enforce", "shadow", "enforce-10", "enforce-25", "enforce-50", "enforce-100"], plan.Phases.Select(p => p.Name));
        Assert.Equal("built-in", plan.Source);
        Assert.Equal(64, plan.Sha256.Length);
    }

    [Theory]
    [InlineData("off", "off", false, 100, false)]
    [InlineData("staging-warn", "warn", false, 100, false)]
    [InlineData("write-enforce", "warn", false, 100, true)]
    [InlineData("shadow", "warn", true, 100, false)]
    [InlineData("enforce-10", "enforce", false, 10, false)]
    [InlineData("enforce-25", "enforce", false, 25, false)]
    [InlineData("enforce-50", "enforce", false, 50, false)]
    [InlineData("enforce-100", "enforce", false, 100, false)]
    public void LoadDefault_PhaseConfiguration_FollowsSection11(string phase, string mode, bool dryRun, int percent, bool writeOnly)
    {
        var c = PlanLoader.LoadDefault().Find(phase)!.Configuration;
        Assert.Equal((mode, dryRun, percent, writeOnly), (c.Mode, c.DryRun, c.EnforcementPercent, c.EnforceWriteOnly));
    }

    [Fact]
    public void LoadDefault_StagingWarn_AdvisoryGatesAreExactlyTheUnimplementedKindsWithANote()
    {
        var registry = BuiltInGates.Registry.With(GateKinds.GoldenConformance, _ => GateCreation.Invalid("placeholder"));
        var phase = PlanLoader.LoadDefault().Find("staging-warn")!;
        foreach (var gate in phase.Gates)
        {
            // Advisory: the kinds not implemented yet (their note names the issue), and end-to-end
            // latency, for which the contract sets no limit (its note says so).
            var endToEnd = gate.Kind == GateKinds.LatencyUnderLoad;
            Assert.Equal(registry.IsImplemented(gate.Kind) && !endToEnd, gate.Blocking);
            Assert.True(gate.Blocking || gate.Note?.Contains(endToEnd ? "contract" : "issue", StringComparison.Ordinal) == true, gate.Id);
        }
    }

    [Fact]
    public void LoadDefault_LaterPhases_KeepUnimplementedGatesBlocking()
    {
        var plan = PlanLoader.LoadDefault();
        Assert.All(plan.Phases.Where(p => p.Name != "staging-warn").SelectMany(p => p.Gates).Where(g => g.Kind != GateKinds.LatencyUnderLoad),
            g => Assert.True(g.Blocking, g.Id));
    }

    [Fact]
    public void LoadDefault_EveryPhase_StartsWithTheConfigurationGateAndEndsWithBoundedLabels()
    {
        foreach (var phase in PlanLoader.LoadDefault().Phases)
        {
            Assert.Equal(GateKinds.ConfigurationConformance, phase.Gates[0].Kind);
            Assert.Equal(GateKinds.BoundedLabels, phase.Gates[^1].Kind);
        }
    }

    [Fact]
    public void Parse_Minimal_DefaultsBlockingToTrueAndConfigurationToContractDefaults()
    {
        var plan = PlanLoader.Parse(Minimal, "minimal.yaml", null);
        var phase = Assert.Single(plan.Phases);
        Assert.True(Assert.Single(phase.Gates).Blocking);
        Assert.Equal(100, phase.Configuration.EnforcementPercent);
        Assert.False(phase.Configuration.DryRun);
    }

    [Fact]
    public void Parse_Parameters_KeepYamlTypes()
    {
        var plan = PlanLoader.Parse(Minimal.Replace("kind: configuration-conformance",
            "kind: configuration-conformance\n        parameters: { n: 5, ratio: 0.5, flag: true, text: \"5\", list: [a, b] }", StringComparison.Ordinal), "p.yaml", null);
        var json = plan.Phases[0].Gates[0].Parameters.Json;
        Assert.Equal(System.Text.Json.JsonValueKind.Number, json.GetProperty("n").ValueKind);
        Assert.Equal(0.5, json.GetProperty("ratio").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.True, json.GetProperty("flag").ValueKind);
        Assert.Equal("5", json.GetProperty("text").GetString());
        Assert.Equal(2, json.GetProperty("list").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(BadPlans))]
    public void Parse_BadInput_ThrowsOneLineNamingSourceAndProblem(string yaml, string expected)
    {
        var e = Assert.Throws<PlanException>(() => PlanLoader.Parse(yaml, "bad.yaml", null));
        Assert.StartsWith("bad.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Parse_BadInput_NamesLineAndColumn()
    {
        var e = Assert.Throws<PlanException>(() => PlanLoader.Parse(Minimal.Replace("mode: warn", "mode: loud", StringComparison.Ordinal), "bad.yaml", null));
        Assert.StartsWith("bad.yaml:4:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_Missing_ThrowsCannotRead()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-plan-" + Guid.NewGuid().ToString("N") + ".yaml");
        var e = Assert.Throws<PlanException>(() => PlanLoader.LoadFile(path));
        Assert.Contains("cannot read plan", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_Valid_RecordsItsDirectoryAndHash()
    {
        var dir = Directory.CreateTempSubdirectory("plan-test-");
        try
        {
            var path = Path.Combine(dir.FullName, "plan.yaml");
            File.WriteAllText(path, Minimal);
            var plan = PlanLoader.LoadFile(path);
            Assert.Equal(dir.FullName, plan.BaseDirectory);
            Assert.Equal(PlanLoader.Parse(Minimal, "x", null).Sha256, plan.Sha256);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void DifferencesFrom_NamesEachDifferingField()
    {
        var expected = new PhaseConfiguration { Mode = "warn" };
        var actual = new PhaseConfiguration { Mode = "enforce", EnforcementPercent = 10, Overrides = new Dictionary<string, string> { ["/api/allocations"] = "off" } };
        var differences = expected.DifferencesFrom(actual).Select(d => d.ToString()).ToList();
        Assert.Equal(
            ["mode: phase expects warn, target has enforce", "enforcementPercent: phase expects 100, target has 10", "overrides[/api/allocations]: phase expects (none), target has off"],
            differences);
    }
}
