using Harness.Engine.Observability;

namespace Observability.Tests;

/// <summary>The shipped rule file (<see cref="PrometheusRules"/>), with what the tests ask of it: an alert by name, the raw metrics an expression reads.</summary>
internal sealed record RuleFile(PrometheusRules File)
{
    public IReadOnlyList<PrometheusRule> Rules => File.Rules;

    public IEnumerable<PrometheusRule> Alerts => File.Alerts;

    public PrometheusRule Alert(string name) => Alerts.Single(a => a.Name == name);

    public static RuleFile Load(string path) => new(PrometheusRules.Parse(System.IO.File.ReadAllText(path)));

    /// <summary>The raw metrics an expression reads, with the recording rules it names expanded to theirs.</summary>
    public IReadOnlySet<string> RawMetricsOf(string expression)
    {
        var records = File.Records.ToDictionary(r => r.Name, r => r.Expression, StringComparer.Ordinal);
        var raw = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(PromqlNames.Of(expression));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            if (records.TryGetValue(name, out var recorded))
            {
                foreach (var inner in PromqlNames.Of(recorded))
                {
                    pending.Push(inner);
                }
            }
            else
            {
                raw.Add(name);
            }
        }

        return raw;
    }
}
