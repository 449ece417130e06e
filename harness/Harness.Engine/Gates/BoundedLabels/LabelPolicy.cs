using System.Text.RegularExpressions;
using Harness.Engine.Metrics;
using StageContract;
using StageContract.Endpoints;
using StageContract.Problems;

namespace Harness.Engine.Gates.BoundedLabels;

/// <summary>
/// What contract section 9 asks of one scrape. Its nine families must be there (a family with no
/// samples yet must still declare itself with a <c># TYPE</c> line), with exactly their labels. Sets the
/// contract fixes are checked as sets (<see cref="AllowedValues"/>); values it leaves open are checked
/// for their shape: <c>endpoint</c> of a stage family spells a contract route in any framework's
/// spelling, and is never a request path in any family; <c>error_code</c> is one of the contract's
/// codes or a service's own UPPER_SNAKE token; <c>method</c> an HTTP token; <c>operation</c> a short
/// visible-ASCII name. Whether open values stay bounded is a behaviour test (<see cref="LabelGrowth"/>),
/// and no label of any family may hold a raw stage value. A plan can replace any family's labels or
/// give any label a closed set.
/// </summary>
public sealed partial record LabelPolicy
{
    /// <summary>Families whose samples the gate's own requests must have caused; the others may show only their <c># TYPE</c> line.</summary>
    public static IReadOnlyList<string> SampledFamilies { get; } = ["stage_validation_validations_total", "stage_validation_mode", "http_requests_total"];

    /// <summary>Families about stage validation, whose <c>endpoint</c> must be a stage route.</summary>
    public static IReadOnlyList<string> StageFamilies { get; } =
    [
        "stage_validation_validations_total", "stage_validation_errors_total", "stage_validation_duration_seconds",
        "stage_deprecation_header_emitted_total", "stage_warn_unknown_total", "stage_enforce_rejects_total",
    ];

    /// <summary>Label names per contract family (histogram <c>le</c> is always allowed).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Metrics { get; init; }

    /// <summary>Closed sets of values per label name; a label without an entry is checked by its open rule.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedValues { get; init; }

    /// <summary>The contract's stage route templates, which stage families' <c>endpoint</c> must spell.</summary>
    public required IReadOnlyList<string> StageRoutes { get; init; }

    /// <summary>The contract's metrics and label sets, with the shipped contract data's endpoints.</summary>
    public static LabelPolicy Default { get; } = For(ContractRules.Default);

    /// <summary>The contract's metrics and closed label sets (section 9), with the stage routes of <paramref name="rules"/>.</summary>
    public static LabelPolicy For(ContractRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new()
        {
            Metrics = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                ["stage_validation_validations_total"] = ["endpoint", "mode", "input_type", "result"],
                ["stage_validation_errors_total"] = ["endpoint", "mode", "error_code"],
                ["stage_validation_duration_seconds"] = ["endpoint", "mode", "input_type", "cardinality"],
                ["stage_deprecation_header_emitted_total"] = ["endpoint", "mode", "input_type"],
                ["stage_warn_unknown_total"] = ["endpoint"],
                ["stage_enforce_rejects_total"] = ["endpoint"],
                ["stage_mode_redis_errors_total"] = ["operation"],
                ["stage_validation_mode"] = [],
                ["http_requests_total"] = ["endpoint", "method", "status_class"],
            },
            AllowedValues = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                ["mode"] = ["off", "warn", "shadow", "enforce"],
                ["input_type"] = InputTypeLabels.MetricLabels,
                ["cardinality"] = ["1", "2-5", "6-10", "11+"],
                ["result"] = ["ok", "normalized", "pass", "warn", "would_reject", "reject"],
                ["status_class"] = ["1xx", "2xx", "3xx", "4xx", "5xx"],
            },
            StageRoutes = rules.Endpoints.Routes,
        };
    }

    /// <summary>Every violation in one scrape; <paramref name="rawValues"/> are the raw stage values the harness sent.</summary>
    public IReadOnlyList<LabelViolation> Check(PrometheusScrape scrape, IReadOnlyCollection<string> rawValues)
    {
        ArgumentNullException.ThrowIfNull(scrape);
        ArgumentNullException.ThrowIfNull(rawValues);
        var violations = new List<LabelViolation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string family, string label, string value, string why, int line)
        {
            if (seen.Add($"{family}\n{label}\n{value}\n{why}"))
            {
                violations.Add(new LabelViolation(family, label, value, why, line));
            }
        }

        foreach (var family in Metrics.Keys)
        {
            var sampled = scrape.Samples.Any(s => s.Family == family);
            if (!sampled && !scrape.Types.ContainsKey(family) && !scrape.Types.ContainsKey(Regex.Replace(family, "_total$", "")))
            {
                Add(family, "", "", "the contract's metric family is missing from /metrics (no sample, no # TYPE line)", 0);
            }
            else if (!sampled && SampledFamilies.Contains(family))
            {
                Add(family, "", "", "has no sample, though the harness's requests must have counted in it", 0);
            }
        }

        foreach (var sample in scrape.Samples)
        {
            foreach (var (label, value) in sample.Labels)
            {
                if (rawValues.Any(raw => raw.Length > 0 && value.Contains(raw, StringComparison.Ordinal)))
                {
                    Add(sample.Family, label, value, "holds a raw stage value the harness sent", sample.Line);
                }
                else if (Metrics.TryGetValue(sample.Family, out var labels) && label is not ("le" or "quantile") && ValueProblem(sample.Family, labels, label, value) is { } why)
                {
                    Add(sample.Family, label, value, why, sample.Line);
                }
            }

            if (Metrics.TryGetValue(sample.Family, out var contractLabels))
            {
                foreach (var missing in contractLabels.Where(l => !sample.Labels.Any(p => p.Key == l)))
                {
                    Add(sample.Family, missing, "", "is missing: the contract gives this metric that label", sample.Line);
                }
            }
        }

        return violations;
    }

    private string? ValueProblem(string family, IReadOnlyList<string> labels, string label, string value)
    {
        if (!labels.Contains(label, StringComparer.Ordinal))
        {
            return "is not a label the contract defines for this metric";
        }

        if (AllowedValues.TryGetValue(label, out var allowed))
        {
            return allowed.Contains(value, StringComparer.Ordinal) ? null : "is outside the label's allowed set";
        }

        return label switch
        {
            "endpoint" when StageFamilies.Contains(family) && !EndpointLabels.SpellsARoute(value, StageRoutes) =>
                "does not spell a stage route of the contract (in any framework's spelling)",
            "endpoint" when EndpointLabels.IsRequestPath(value, StageRoutes) => "is a request path, not a route template",
            "endpoint" when value.Length is 0 or > 200 => "is not a route template or a short name",
            "error_code" when !ProblemCodes.All.Contains(value, StringComparer.Ordinal) && !Code().IsMatch(value) =>
                "is neither a contract code nor an UPPER_SNAKE code of at most 64 characters",
            "method" when !Token().IsMatch(value) => "is not an HTTP method token",
            "operation" when !Name().IsMatch(value) => "is not a short visible-ASCII name",
            _ => null,
        };
    }

    [GeneratedRegex("^(?=.{1,64}$)[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex Code();

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$")]
    private static partial Regex Token();

    [GeneratedRegex("^[!-~]{1,64}$")]
    private static partial Regex Name();
}
