using Harness.Engine.Targets;
using StageContract;
using StageContract.Headers;
using StageContract.Modes;

namespace Harness.Engine.Requests;

/// <summary>
/// Compares an observed response with the contract's expectation; each mismatch is one short
/// phrase. The sunset and docs URL are the target's own (<see cref="DeprecationValues"/>), never the
/// harness's contract data; <c>X-Stage-Deprecated-Variants</c> is judged by meaning
/// (<see cref="DeprecatedVariantsHeader"/>: any valid encoding, order and cut), never byte for byte.
/// </summary>
public sealed class ResponseChecks(ContractRules rules, DeprecationValues values)
{
    /// <summary>Every way the response differs from the expectation; empty when it conforms.</summary>
    public IReadOnlyList<string> Mismatches(Expectation expected, ObservedResponse actual, string subject = "a response")
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (actual.TransportError is not null)
        {
            return [$"no answer: {actual.TransportError}"];
        }

        var problems = new List<string>();
        var h = rules.Data.Headers;
        var statusOk = expected.Status is { } s
            ? actual.Status == s && (expected.ErrorCode is null || actual.ErrorCode == expected.ErrorCode)
            : actual.Status is >= 200 and < 300;
        if (!statusOk)
        {
            problems.Add($"status: expected {expected.StatusText}, got {actual.Status}{(actual.ErrorCode is null ? "" : " " + actual.ErrorCode)}");
        }

        var mode = actual.Header(h.Mode);
        if (mode?.Trim() != expected.Mode.ToWire())
        {
            problems.Add($"{h.Mode}: expected {expected.Mode.ToWire()}, got {mode ?? "(absent)"}");
        }

        if (!statusOk)
        {
            return problems;
        }

        if (expected.ExpectsDeprecation)
        {
            problems.AddRange(MissingDeprecation(expected, actual, subject));
        }
        else if (expected.Status is null && actual.Header(h.Deprecation) is not null)
        {
            problems.Add($"{h.Deprecation}: expected absent ({expected.Result}), got {actual.Header(h.Deprecation)}");
        }

        if (expected.ExpectsWouldReject)
        {
            problems.AddRange(MissingWouldReject(actual));
        }
        else if (expected.Status is null && actual.Header(h.WouldReject) is not null)
        {
            problems.Add($"{h.WouldReject}: expected absent, got {actual.Header(h.WouldReject)}");
        }

        return problems;
    }

    /// <summary>What is missing or wrong in the deprecation set; empty when it is whole.</summary>
    public IReadOnlyList<string> MissingDeprecation(Expectation expected, ObservedResponse actual, string subject = "a response")
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var h = rules.Data.Headers;
        var problems = new List<string>();
        if (actual.Header(h.Deprecation)?.Trim() != "true")
        {
            problems.Add($"{h.Deprecation}: expected true, got {actual.Header(h.Deprecation) ?? "(absent)"}");
        }

        problems.AddRange(values.Check(actual.Header, subject));
        var variants = actual.Header(h.DeprecatedVariants);
        var wrong = DeprecatedVariantsHeader.Check(variants, expected.UnknownValues, rules.Data.MaxListedVariants);
        if (wrong.Count > 0)
        {
            problems.Add(variants is null
                ? $"{h.DeprecatedVariants}: absent"
                : $"{h.DeprecatedVariants}: '{variants}' does not list the request's unknown values ({string.Join("; ", wrong)})");
        }

        return problems;
    }

    /// <summary>What is missing in the would-reject pair; empty when both are there.</summary>
    public IReadOnlyList<string> MissingWouldReject(ObservedResponse actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var h = rules.Data.Headers;
        var problems = new List<string>();
        if (actual.Header(h.WouldReject)?.Trim() != "true")
        {
            problems.Add($"{h.WouldReject}: expected true, got {actual.Header(h.WouldReject) ?? "(absent)"}");
        }

        // The contract names the header, not its text: every service words its own recommendation.
        if (string.IsNullOrWhiteSpace(actual.Header(h.Recommendation)))
        {
            problems.Add($"{h.Recommendation}: expected a recommendation, got {(actual.Header(h.Recommendation) is null ? "(absent)" : "an empty value")}");
        }

        return problems;
    }
}
