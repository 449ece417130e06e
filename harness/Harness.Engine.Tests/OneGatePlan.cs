using Harness.Engine.Plans;

namespace Harness.Engine.Tests;

/// <summary>A plan of one phase holding one gate, for tests of a gate kind's parameters and needs.</summary>
internal static class OneGatePlan
{
    /// <summary>The plan of <paramref name="gate"/> (a YAML flow mapping) in a phase configured by <paramref name="configuration"/>.</summary>
    public static PhasePlan Of(string gate, string configuration = "mode: warn") => PlanLoader.Parse($"""
        version: 1
        phases:
          - name: p
            configuration: {"{"} {configuration} {"}"}
            gates:
              - {gate}
        """, "test.yaml", null);
}
