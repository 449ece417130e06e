using Harness.Engine.Metrics;
using StageContract;
using StageContract.Endpoints;
using StageContract.Problems;

namespace Harness.Engine.Gates.BoundedLabels;

/// <summary>
/// Which labels each contract metric may have (section 9) and which values each label may take.
/// Defaults follow the contract; a plan can replace any entry through the gate's parameters.
/// </summary>
public sealed record LabelPolicy
{
    /// <summary>Label names allowed per metric family (histogram <c>le</c> is always allowed).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Metrics { get; init; }

    /// <summary>Allowed values per label name; a label without an entry is checked only for raw stage values.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedValues { get; init; }

    /// <summary>
    /// Route templates a target has beside the stage endpoints (contract section 6) and the
    /// <c>unmatched</c> of unknown routes: they appear in <c>http_requests_total</c>'s endpoint label.
    /// </summary>
    public static IReadOnlyList<string> OtherEndpoints { get; } =
        ["/api/deprecations", "/_ops/stage-validation/mode", "/_ops/stage-validation/auto-downgrade", "/metrics", "/healthz", "/readyz", "unmatched"];

    /// <summary>
    /// Codes the reference service uses for problems the contract names no code for (docs/decisions.md).
    /// Only that service produces them; they are allowed so that a scrape of it passes, and a plan
    /// can replace the whole <c>error_code</c> set for a target with other codes.
    /// </summary>
    public static IReadOnlyList<string> OtherErrorCodes { get; } =
    [
        "MALFORMED_JSON", "UNSUPPORTED_MEDIA_TYPE", "PAYLOAD_TOO_LARGE", "NOT_FOUND", "METHOD_NOT_ALLOWED",
        "UNAUTHORIZED", "REPLAY", "RESERVE_EXCEEDED", "OPS_API_DISABLED", "INTERNAL_ERROR",
    ];

    /// <summary>The contract's metrics and label sets, with the shipped contract data's endpoints.</summary>
    /// <remarks>Declared after the lists it reads: static initializers run in text order.</remarks>
    public static LabelPolicy Default { get; } = For(ContractRules.Default);

    /// <summary>
    /// The contract's metrics and label sets (section 9), derived from its data: the stage
    /// endpoints' route templates, the input types' labels and the contract's problem codes.
    /// </summary>
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
                ["endpoint"] = [.. rules.Endpoints.Routes, .. OtherEndpoints],
                ["mode"] = ["off", "warn", "shadow", "enforce"],
                ["input_type"] = InputTypeLabels.MetricLabels,
                ["cardinality"] = ["1", "2-5", "6-10", "11+"],
                ["result"] = ["ok", "normalized", "pass", "warn", "would_reject", "reject"],
                ["error_code"] = [.. ProblemCodes.All, .. OtherErrorCodes],
                ["method"] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "OTHER"],
                ["status_class"] = ["1xx", "2xx", "3xx", "4xx", "5xx"],
                ["operation"] = ["read", "write"],
            },
        };
    }

    /// <summary>
    /// Every violation in a scrape: a contract metric with a label it may not have, a label value
    /// outside its allowed set, or any label of any metric holding one of <paramref name="rawValues"/>.
    /// </summary>
    public IReadOnlyList<LabelViolation> Check(PrometheusScrape scrape, IReadOnlyCollection<string> rawValues)
    {
        ArgumentNullException.ThrowIfNull(scrape);
        ArgumentNullException.ThrowIfNull(rawValues);
        var violations = new List<LabelViolation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sample in scrape.Samples)
        {
            var contract = Metrics.TryGetValue(sample.Family, out var allowedLabels);
            foreach (var (label, value) in sample.Labels)
            {
                if (rawValues.Any(raw => raw.Length > 0 && value.Contains(raw, StringComparison.Ordinal)))
                {
                    Add(sample, label, value, "holds a raw stage value the harness sent");
                    continue;
                }

                if (!contract || label is "le" or "quantile")
                {
                    continue;
                }

                if (!allowedLabels!.Contains(label, StringComparer.Ordinal))
                {
                    Add(sample, label, value, "is not a label the contract defines for this metric");
                }
                else if (AllowedValues.TryGetValue(label, out var values) && !values.Contains(value, StringComparer.Ordinal))
                {
                    Add(sample, label, value, "is outside the label's allowed set");
                }
            }
        }

        return violations;

        void Add(MetricSample sample, string label, string value, string why)
        {
            if (seen.Add($"{sample.Family}\n{label}\n{value}"))
            {
                violations.Add(new LabelViolation(sample.Family, label, value, why, sample.Line));
            }
        }
    }
}
