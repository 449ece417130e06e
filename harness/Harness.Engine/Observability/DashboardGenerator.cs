using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.Engine.Observability;

/// <summary>
/// A Grafana dashboard generated from the rule file, so the two never drift apart: one panel per
/// recorded measure (with its yesterday's baseline beside it where the rules record one), the mode
/// over instances, and the state of every alert, all filtered by a <c>$job</c> variable. Units come
/// from the measure's name (<c>_ratio</c>, <c>_coverage</c>: percent; <c>_seconds</c>; <c>_bytes</c>;
/// other rates: per second).
/// </summary>
public static class DashboardGenerator
{
    private const string JobFilter = "{job=~\"$job\"}";

    /// <summary>The dashboard JSON (indented, stable: the same rules give the same bytes).</summary>
    public static string FromRules(string rulesYaml)
    {
        ArgumentNullException.ThrowIfNull(rulesYaml);
        var rules = PrometheusRules.Parse(rulesYaml);
        var records = rules.Records.Select(r => r.Name).ToList();
        var alerts = rules.Alerts.Select(a => a.Name).ToList();
        var panels = new JsonArray();
        var id = 1;
        var (x, y) = (0, 0);

        void Add(string title, string unit, IReadOnlyList<(string Expr, string Legend)> targets, string type = "timeseries", int width = 12)
        {
            if (x + width > 24)
            {
                (x, y) = (0, y + 8);
            }

            var targetArray = new JsonArray();
            for (var i = 0; i < targets.Count; i++)
            {
                targetArray.Add(new JsonObject
                {
                    ["datasource"] = Datasource(),
                    ["expr"] = targets[i].Expr,
                    ["legendFormat"] = targets[i].Legend,
                    ["refId"] = ((char)('A' + i)).ToString(),
                });
            }

            panels.Add(new JsonObject
            {
                ["id"] = id++,
                ["type"] = type,
                ["title"] = title,
                ["datasource"] = Datasource(),
                ["gridPos"] = new JsonObject { ["x"] = x, ["y"] = y, ["w"] = width, ["h"] = 8 },
                ["fieldConfig"] = new JsonObject { ["defaults"] = new JsonObject { ["unit"] = unit }, ["overrides"] = new JsonArray() },
                ["targets"] = targetArray,
            });
            x += width;
        }

        var baselines = records.Where(r => r.EndsWith("baseline1d", StringComparison.Ordinal)).ToList();
        var modes = records.Where(r => r.StartsWith("job:stage_validation_mode:", StringComparison.Ordinal)).ToList();
        foreach (var record in records.Except(baselines).Except(modes))
        {
            var targets = new List<(string, string)> { (record + JobFilter, "{{job}}") };
            var measure = Measure(record);
            foreach (var baseline in baselines.Where(b => Measure(b) == measure))
            {
                targets.Add((baseline + JobFilter, "{{job}} baseline (yesterday)"));
            }

            Add(Title(record), Unit(record), targets);
        }

        if (modes.Count > 0)
        {
            Add("validation mode over instances (0 off, 1 warn, 2 enforce)", "none",
                [.. modes.Select(m => (m + JobFilter, "{{job}} " + m[(m.LastIndexOf(':') + 1)..]))]);
        }

        if (alerts.Count > 0)
        {
            Add("alerts (pending or firing)", "none",
                [($"ALERTS{{alertname=~\"{string.Join("|", alerts)}\",job=~\"$job\"}}", "{{alertname}} {{alertstate}} {{job}}")], "state-timeline", width: 24);
        }

        var dashboard = new JsonObject
        {
            ["title"] = "Stage validation rollout",
            ["uid"] = "stage-validation-rollout",
            ["description"] = "Generated from observability/rules/stage-validation.rules.yml by the rehearsal harness; regenerate, do not edit.",
            ["tags"] = new JsonArray("stage-validation", "rollout"),
            ["schemaVersion"] = 39,
            ["time"] = new JsonObject { ["from"] = "now-6h", ["to"] = "now" },
            ["refresh"] = "30s",
            ["templating"] = new JsonObject
            {
                ["list"] = new JsonArray(
                    new JsonObject { ["name"] = "datasource", ["type"] = "datasource", ["query"] = "prometheus", ["label"] = "Prometheus" },
                    new JsonObject
                    {
                        ["name"] = "job",
                        ["type"] = "query",
                        ["datasource"] = Datasource(),
                        ["query"] = "label_values(stage_validation_validations_total, job)",
                        ["multi"] = true,
                        ["includeAll"] = true,
                        ["refresh"] = 2,
                    }),
            },
            ["panels"] = panels,
        };
        return dashboard.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject Datasource() => new() { ["type"] = "prometheus", ["uid"] = "${datasource}" };

    // job:stage_validation_duration_seconds:p99_5m -> stage_validation_duration_seconds
    private static string Measure(string record) => record.Split(':')[1];

    // job:stage_validation_unknown_ratio:rate5m -> "stage validation unknown ratio (rate5m)"
    private static string Title(string record)
    {
        var parts = record.Split(':');
        return parts[1].Replace('_', ' ') + " (" + parts[2].Replace('_', ' ') + ")";
    }

    private static string Unit(string record)
    {
        var measure = Measure(record);
        return measure.EndsWith("_ratio", StringComparison.Ordinal) || measure.EndsWith("_coverage", StringComparison.Ordinal) ? "percentunit"
            : measure.EndsWith("_seconds", StringComparison.Ordinal) ? "s"
            : measure.EndsWith("_bytes", StringComparison.Ordinal) ? "bytes"
            : "ops";
    }
}
