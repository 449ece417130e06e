using System.Globalization;
using Harness.Engine.Plans;
using Harness.Engine.Requests;
using Harness.Engine.Targets;
using StageContract;
using StageContract.Headers;
using StageContract.Modes;

using StageContract.Endpoints;

namespace Harness.Engine.Gates.Configuration;

/// <summary>
/// The configuration gate's decision, a pure function of what the probes saw and what the target
/// reported: behaviour first (every probe must show the mode the phase gives), then the self-report
/// held to the behaviour and to the phase. Each difference names the field, what the phase requires
/// and what the target did or said.
/// </summary>
public sealed class ConfigurationJudge(ContractRules rules, PhaseConfiguration phase, bool checkContractData)
{
    private const string Measured = "differences between the phase configuration and how the target answers probes (and what it reports about itself)";
    private readonly ModeSettings _settings = phase.ToModeSettings();

    /// <summary>The endpoint to search the enforced percent on, when a probe disagrees with the phase about enforce; else null.</summary>
    public static StageEndpoint? NeedsPercentSearch(ContractRules rules, ModeSettings settings, IReadOnlyList<ProbeObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(observations);
        var disagree = observations.Any(o => o.Mode is { } m
            && (m == EffectiveMode.Enforce) != (rules.Decider.Decide(settings, o.Endpoint.Method, o.Endpoint.Route, o.RequestId) == EffectiveMode.Enforce));
        return disagree
            ? observations.Where(o => o.Bucket == 0 && o.Behaviour == Behaviour.Rejected).Select(o => o.Endpoint)
                .OrderBy(e => rules.Decider.IsWrite(e.Method, e.Route)).FirstOrDefault()
            : null;
    }

    /// <summary>Judges the probes, the percent search (if any) and the self-report.</summary>
    public GateResult Judge(IReadOnlyList<ProbeObservation> observations, (StageEndpoint Endpoint, int Percent)? searched, TargetRead read,
        DeprecationValues values, IReadOnlyList<string> setup, Threshold threshold)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(threshold);
        var differences = new List<ConfigurationDifference>();
        foreach (var o in observations)
        {
            var planned = rules.Decider.Decide(_settings, o.Endpoint.Method, o.Endpoint.Route, o.RequestId);
            if (o.Mode != planned)
            {
                differences.Add(new ConfigurationDifference($"behaviour of {o.Subject}", planned.ToWire(), o.Describe()));
            }
            else if (o.ModeHeader?.Trim() != planned.ToWire())
            {
                differences.Add(new ConfigurationDifference($"X-Stage-Mode of {o.Subject}", planned.ToWire(), o.ModeHeader ?? "(absent)"));
            }
        }

        if (searched is var (endpoint, percent) && percent != _settings.EnforcementPercent)
        {
            differences.Add(new ConfigurationDifference("enforcementPercent (behaviour)",
                _settings.EnforcementPercent.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{percent} (request ids of buckets below {percent} are rejected on {endpoint})")));
        }

        var notes = new List<Evidence>(setup.Select(s => new Evidence("fixture", "created", "not created", s)));
        if (read.Succeeded)
        {
            SelfReportDifferences(read.Report, observations, values, differences, notes);
        }
        else
        {
            notes.Add(new Evidence("self-report (GET /api/deprecations)", "readable", "unreadable", read.Error + "; the configuration is judged by behaviour alone"));
        }

        notes.Add(new Evidence("sunset and docs URL in use", "the target's own", values.Describe(), ""));
        var count = differences.Count;
        var pass = threshold.IsMetBy(count);
        var result = new GateResult
        {
            Status = pass ? GateStatus.Pass : GateStatus.Fail,
            Measured = Measured,
            Value = count,
            ValueText = count.ToString(CultureInfo.InvariantCulture),
            Threshold = threshold.Text,
            SampleSize = observations.Count,
            Reason = count == 0
                ? $"{observations.Count} probes answered as the phase configuration gives ({phase.Describe()}){SelfReportSummary(read)}"
                : "configuration differs: " + Summary(differences, observations.Count),
        };
        return result.WithEvidence([.. differences.Select(d => new Evidence(d.Field, d.Expected, d.Actual)), .. notes]);
    }

    private void SelfReportDifferences(SelfReport report, IReadOnlyList<ProbeObservation> observations, DeprecationValues values,
        List<ConfigurationDifference> differences, List<Evidence> notes)
    {
        void Compare(string field, string expected, string? reported)
        {
            if (reported is not null && reported != expected)
            {
                differences.Add(new ConfigurationDifference($"{field} (self-report)", expected, reported));
            }
        }

        Compare("mode", phase.Mode, report.Mode);
        Compare("dryRun", Lower(phase.DryRun), report.DryRun is { } d ? Lower(d) : null);
        Compare("enforcementPercent", phase.EnforcementPercent.ToString(CultureInfo.InvariantCulture), report.EnforcementPercent?.ToString(CultureInfo.InvariantCulture));
        Compare("enforceWriteOnly", Lower(phase.EnforceWriteOnly), report.EnforceWriteOnly is { } w ? Lower(w) : null);
        if (report.Overrides is { } overrides)
        {
            foreach (var route in phase.Overrides.Keys.Union(overrides.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                Compare($"overrides[{route}]", phase.Overrides.GetValueOrDefault(route) ?? "(none)", overrides.GetValueOrDefault(route) ?? "(none)");
            }
        }

        if (report.Configuration is { } reported)
        {
            var settings = reported.ToModeSettings();
            var contradicted = observations.Where(o => o.Mode is { } m && rules.Decider.Decide(settings, o.Endpoint.Method, o.Endpoint.Route, o.RequestId) != m).ToList();
            if (contradicted.Count > 0)
            {
                var first = contradicted[0];
                differences.Add(new ConfigurationDifference("self-report vs behaviour",
                    "a self-report that predicts how requests are answered",
                    string.Create(CultureInfo.InvariantCulture,
                        $"it reports {reported.Describe()}, which gives another mode for {contradicted.Count} of {observations.Count} probes, e.g. {first.Subject}: reported configuration gives {rules.Decider.Decide(settings, first.Endpoint.Method, first.Endpoint.Route, first.RequestId).ToWire()}, answered {first.Mode!.Value.ToWire()}")));
            }
        }

        if (checkContractData)
        {
            if (report.Sunset is { } sunset && values.Sunset is { } sent && ImfFixdate.Parse(sunset) != ImfFixdate.Parse(sent))
            {
                differences.Add(new ConfigurationDifference("sunset (self-report)", sent, sunset));
            }

            if (report.DocsUrl is { } docs && values.DocsUrl is { } sentDocs && docs != sentDocs)
            {
                differences.Add(new ConfigurationDifference("docsUrl (self-report)", sentDocs, docs));
            }
        }

        notes.Add(new Evidence($"self-report ({report.Shape})", "what the target says it runs",
            report.Configuration?.Describe() ?? "no mode reported", report.Unreadable.Count == 0 ? "" : "could not read: " + string.Join("; ", report.Unreadable)));
    }

    /// <summary>Behaviour as one count with its first example, then every other difference (at most five).</summary>
    private static string Summary(List<ConfigurationDifference> differences, int probes)
    {
        var behaviour = differences.Where(d => d.Field.StartsWith("behaviour of ", StringComparison.Ordinal) || d.Field.StartsWith("X-Stage-Mode of ", StringComparison.Ordinal)).ToList();
        var others = differences.Except(behaviour).ToList();
        var parts = new List<string>();
        if (behaviour.Count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{behaviour.Count} of {probes} probes answered otherwise than the phase gives, first: {behaviour[0]}"));
        }

        parts.AddRange(others.Take(5).Select(d => d.ToString()));
        return string.Join("; ", parts) + (others.Count > 5 ? $"; and {others.Count - 5} more" : "");
    }

    private static string SelfReportSummary(TargetRead read) =>
        read.Succeeded ? $"; the self-report ({read.Report.Shape}) agrees" : "; the self-report could not be read (not required)";

    private static string Lower(bool value) => value ? "true" : "false";
}
