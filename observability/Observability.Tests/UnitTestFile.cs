using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Observability.Tests;

/// <summary>A promtool unit test file, read as far as the coverage check needs: per test group, the input series and the alert expectations.</summary>
internal sealed partial record UnitTestFile(string Path, IReadOnlyList<UnitTestGroup> Groups)
{
    public static UnitTestFile Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var groups = new List<UnitTestGroup>();
        foreach (var test in ((YamlSequenceNode)root["tests"]).Children.Cast<YamlMappingNode>())
        {
            var name = test.Children.TryGetValue(new YamlScalarNode("name"), out var n) ? ((YamlScalarNode)n).Value! : "(unnamed)";
            var series = new List<(string Metric, string? Job)>();
            if (test.Children.TryGetValue(new YamlScalarNode("input_series"), out var inputs))
            {
                foreach (var input in ((YamlSequenceNode)inputs).Children.Cast<YamlMappingNode>())
                {
                    var selector = ((YamlScalarNode)input["series"]).Value!;
                    var metric = selector.Split('{')[0].Trim();
                    var job = JobLabel().Match(selector);
                    series.Add((metric, job.Success ? job.Groups[1].Value : null));
                }
            }

            var alerts = new List<AlertExpectation>();
            if (test.Children.TryGetValue(new YamlScalarNode("alert_rule_test"), out var cases))
            {
                foreach (var entry in ((YamlSequenceNode)cases).Children.Cast<YamlMappingNode>())
                {
                    var alertname = ((YamlScalarNode)entry["alertname"]).Value!;
                    var jobs = new List<string>();
                    if (entry.Children.TryGetValue(new YamlScalarNode("exp_alerts"), out var expected) && expected is YamlSequenceNode list)
                    {
                        foreach (var alert in list.Children.Cast<YamlMappingNode>())
                        {
                            var labels = (YamlMappingNode)alert["exp_labels"];
                            jobs.Add(labels.Children.TryGetValue(new YamlScalarNode("job"), out var j) ? ((YamlScalarNode)j).Value! : "");
                        }
                    }

                    alerts.Add(new AlertExpectation(alertname, jobs));
                }
            }

            groups.Add(new UnitTestGroup(name, series, alerts));
        }

        return new UnitTestFile(path, groups);
    }

    [GeneratedRegex("job=\"([^\"]*)\"")]
    private static partial Regex JobLabel();
}

/// <summary>One test group: its input series (metric, job) and alert expectations.</summary>
internal sealed record UnitTestGroup(string Name, IReadOnlyList<(string Metric, string? Job)> Series, IReadOnlyList<AlertExpectation> Alerts);

/// <summary>An <c>alert_rule_test</c> entry: the alert and the jobs expected to fire it (none: quiet).</summary>
internal sealed record AlertExpectation(string AlertName, IReadOnlyList<string> FiringJobs);
