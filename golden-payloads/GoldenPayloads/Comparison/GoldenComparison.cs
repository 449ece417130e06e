using System.Globalization;
using GoldenPayloads.Oracle;
using GoldenPayloads.Running;
using StageContract;
using StageContract.Headers;
using StageContract.Modes;

namespace GoldenPayloads.Comparison;

/// <summary>
/// Expected versus observed for one golden case in one mode: the list of differences (empty when
/// the target conforms). What the golden conformance gate shows. It judges by the contract, not by
/// the reference service's bytes: wherever the contract allows more than one spelling, shape or value
/// every one is accepted (variants in any valid encoding and order, header names in any case, media
/// types without parameters, 200 or 201 for a create, any recommendation text, any problem type and
/// title). The sunset, docs URL and <c>Link</c> are judged by an injected <see cref="IDeprecationValueCheck"/>.
/// </summary>
public sealed class GoldenComparison
{
    /// <summary>Largest difference tolerated between an expected and an observed weight.</summary>
    public const double WeightTolerance = 1e-9;

    private const string ProblemJson = "application/problem+json";
    private const string Json = "application/json";
    private readonly ContractRules _rules;
    private readonly IDeprecationValueCheck _values;
    private readonly ProblemBodyComparison _problems;
    private readonly ServedBodyComparison _served;

    /// <summary>Creates a comparison over the contract's rules, judging sunset, docs URL and <c>Link</c> with <paramref name="deprecationValues"/>.</summary>
    public GoldenComparison(ContractRules rules, IDeprecationValueCheck deprecationValues)
    {
        _rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _values = deprecationValues ?? throw new ArgumentNullException(nameof(deprecationValues));
        _problems = new ProblemBodyComparison(rules);
        _served = new ServedBodyComparison(rules);
    }

    /// <summary>Every difference, in a stable order: status, headers, content type, body. <paramref name="subject"/> names the case in what is learned.</summary>
    public IReadOnlyList<GoldenDifference> Compare(ExpectedOutcome expected, ObservedOutcome actual, string subject = "a golden payload")
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<GoldenDifference>();
        void Check(string aspect, string? want, string? got)
        {
            if (!string.Equals(want, got, StringComparison.Ordinal))
            {
                differences.Add(new GoldenDifference(aspect, want ?? GoldenDifference.Absent, got ?? GoldenDifference.Absent));
            }
        }

        var h = _rules.Data.Headers;
        // A create may answer 201 (with or without Location) or 200: the contract says neither.
        if (actual.Status != expected.Status && !(expected.Location && actual.Status is 200 or 201))
        {
            differences.Add(new GoldenDifference("status", expected.Location ? "201 or 200" : Number(expected.Status), Number(actual.Status)));
        }

        Check(h.Mode, expected.Mode.ToWire(), actual.Header(h.Mode)?.Trim());
        Check(h.RequestId, "echoed", actual.RequestIdEchoed ? "echoed" : "missing or different");
        Check(h.Deprecation, expected.Deprecation ? "true" : null, actual.Header(h.Deprecation)?.Trim());
        if (expected.Deprecation)
        {
            var variants = actual.Header(h.DeprecatedVariants);
            if (DeprecatedVariantsHeader.Check(variants, expected.UnknownValues, _rules.Data.MaxListedVariants) is [var first, ..])
            {
                differences.Add(new GoldenDifference(h.DeprecatedVariants,
                    $"lists [{string.Join(", ", expected.Invalid)}] (any valid encoding, order or cut)",
                    variants is null ? GoldenDifference.Absent : $"{variants} ({first})"));
            }

            differences.AddRange(_values.Check(actual, subject));
        }
        else
        {
            foreach (var name in new[] { h.Sunset, h.DeprecatedVariants, h.Docs, h.Link })
            {
                Check(name, null, actual.Header(name));
            }
        }

        Check(h.WouldReject, expected.WouldReject ? "true" : null, actual.Header(h.WouldReject)?.Trim());
        // The contract names the recommendation header, not its words: any text will do.
        var recommendation = actual.Header(h.Recommendation);
        Check(h.Recommendation, expected.WouldReject ? "a recommendation" : null,
            recommendation is null ? null : expected.WouldReject && !string.IsNullOrWhiteSpace(recommendation) ? "a recommendation" : recommendation);

        var mediaType = MediaType(actual.ContentType);
        if (expected.IsProblem)
        {
            Check("content type", ProblemJson, mediaType);
            _problems.Compare(expected, actual, Check);
        }
        else if (expected.IsSuccess)
        {
            Check("content type", Json, mediaType is not null && mediaType.EndsWith("+json", StringComparison.Ordinal) ? Json : mediaType);
            _served.Compare(expected, actual, Check);
        }

        return differences;
    }

    /// <summary>The media type without parameters, lower case (RFC 9110 section 8.3.1): <c>application/problem+json; charset=utf-8</c> is a problem.</summary>
    public static string? MediaType(string? contentType) =>
        contentType?.Split(';')[0].Trim().ToLowerInvariant() is { Length: > 0 } type ? type : null;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
