using System.Text.Json;
using Harness.Engine.Gates;
using Harness.Engine.Plans;
using Harness.Engine.Reports;
using Harness.Engine.Verdicts;

namespace Harness.Engine.Tests.Reports;

/// <summary>Fixed reports for the writer tests, with the hostile text real evidence can hold.</summary>
internal static class SampleReports
{
    public const string Hostile = "growth\r\n|<script>alert(1)</script>&\u0001\uD800,\"q\"";

    public static RehearsalReport Mixed() => new()
    {
        Phase = "staging-warn",
        PhaseDescription = "Warn everywhere.",
        Verdict = Verdict.NoGo,
        VerdictReason = "blocking gate 'golden' failed",
        StartedAt = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero),
        FinishedAt = new DateTimeOffset(2026, 11, 24, 12, 0, 3, TimeSpan.Zero),
        Seed = 42,
        Versions = new ReportVersions("1.2.3", 1, new string('a', 64), ".NET 10.0.0"),
        Target = new ReportTarget("url", "http://127.0.0.1:5000/", new PhaseConfiguration { Mode = "enforce" }),
        Plan = new ReportPlan("built-in", new string('b', 64), 1),
        Configuration = new PhaseConfiguration { Mode = "warn", Overrides = new SortedDictionary<string, string> { ["/api/allocations"] = "warn" } },
        ContractValues = new ReportContractValues("Thu, 01 Jul 2027 00:00:00 GMT", "https://docs.team.example/stages", "declared in the plan's contract block"),
        Gates =
        [
            Gate("configuration", GateStatus.Fail, blocking: true) with
            {
                Evidence = [new Evidence("mode", "warn", "enforce")],
                Reason = "configuration differs: mode: phase expects warn, target has enforce",
            },
            Gate("golden", GateStatus.Pass, blocking: true) with
            {
                Charts = [new Chart("Answers by effective mode", ["off", "warn", "shadow", "enforce"],
                    [new ChartSeries("conforming", [0, 5, 0, 0], ChartSeries.Good), new ChartSeries("not conforming", [0, 1, 0, 0], ChartSeries.Bad)], "requests")],
            },
            Gate("headers", GateStatus.Inconclusive, blocking: true) with
            {
                Evidence = [new Evidence(Hostile, "whole deprecation set", Hostile, Hostile)],
                EvidenceOmitted = 7,
            },
            Gate("validator-p99", GateStatus.NotEvaluated, blocking: false) with
            {
                Note = "advisory until the load-gates issue",
                Reason = "gate kind 'validator-latency' is not implemented in this harness version",
            },
        ],
    };

    private static GateReport Gate(string id, GateStatus status, bool blocking) => new()
    {
        Id = id,
        Kind = "kind-" + id,
        Blocking = blocking,
        Status = status,
        Measured = "share of things",
        Value = status == GateStatus.NotEvaluated ? null : 0.5,
        ValueText = status == GateStatus.NotEvaluated ? "" : "50.00% (1/2)",
        Threshold = ">= 99%",
        SampleSize = 2,
        Reason = $"{id} is {status}",
        DurationSeconds = 0.25,
        Parameters = JsonDocument.Parse("""{"requests": 10, "select": "writes"}""").RootElement.Clone(),
    };
}
