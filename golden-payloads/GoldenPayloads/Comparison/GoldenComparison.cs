using System.Globalization;
using System.Text.Json.Nodes;
using GoldenPayloads.Oracle;
using GoldenPayloads.Running;
using StageContract.Data;
using StageContract.Distributions;
using StageContract.Modes;
using StageContract.Problems;

namespace GoldenPayloads.Comparison;

/// <summary>
/// Expected versus observed for one golden case in one mode: the list of differences (empty when
/// the target conforms). What the golden conformance gate shows.
/// </summary>
public sealed class GoldenComparison
{
    /// <summary>Largest difference tolerated between an expected and an observed weight.</summary>
    public const double WeightTolerance = 1e-9;

    private const string ProblemJson = "application/problem+json";
    private const string Json = "application/json";
    private readonly StageContractData _data;

    /// <summary>Creates a comparison that reads header names and values from the contract data.</summary>
    public GoldenComparison(StageContractData data) => _data = data ?? throw new ArgumentNullException(nameof(data));

    /// <summary>Every difference, in a stable order: status, headers, content type, body.</summary>
    public IReadOnlyList<GoldenDifference> Compare(ExpectedOutcome expected, ObservedOutcome actual)
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

        var h = _data.Headers;
        Check("status", Number(expected.Status), Number(actual.Status));
        Check(h.Mode, expected.Mode.ToWire(), actual.Header(h.Mode));
        Check(h.RequestId, "echoed", actual.RequestIdEchoed ? "echoed" : "missing or different");
        Check(h.Deprecation, expected.Deprecation ? "true" : null, actual.Header(h.Deprecation));
        Check(h.Sunset, expected.Deprecation ? _data.Sunset : null, actual.Header(h.Sunset));
        Check(h.DeprecatedVariants, expected.Deprecation ? expected.DeprecatedVariants : null, actual.Header(h.DeprecatedVariants));
        Check(h.Docs, expected.Deprecation ? _data.DocsUrl : null, actual.Header(h.Docs));
        Check(h.Link, expected.Deprecation ? $"<{_data.DocsUrl}>; rel=\"deprecation\"" : null, actual.Header(h.Link));
        Check(h.WouldReject, expected.WouldReject ? "true" : null, actual.Header(h.WouldReject));
        Check(h.Recommendation, expected.WouldReject ? _data.Recommendation : null, actual.Header(h.Recommendation));
        if (expected.Location)
        {
            Check("Location", "present", actual.Header("Location") is null ? null : "present");
        }

        if (expected.IsProblem)
        {
            Check("content type", ProblemJson, actual.ContentType);
            CompareProblem(expected, actual, Check);
        }
        else if (expected.IsSuccess)
        {
            Check("content type", Json, actual.ContentType);
            CompareServed(expected, actual, Check);
        }

        return differences;
    }

    private void CompareProblem(ExpectedOutcome expected, ObservedOutcome actual, Action<string, string?, string?> check)
    {
        if (actual.Body is not JsonObject body)
        {
            check("body", "a problem object", actual.Body is null ? null : "not an object");
            return;
        }

        check("body.status", Number(expected.Status), body["status"] is JsonValue s && s.TryGetValue<int>(out var status) ? Number(status) : null);
        check("body.type", "present", actual.BodyString("type") is null ? null : "present");
        check("body.title", "present", actual.BodyString("title") is null ? null : "present");
        check("body.correlationId", OutcomeScrubber.RequestIdMarker, actual.BodyString("correlationId"));
        // Where the contract names no code (malformed JSON, unknown fund) any code will do, but one is required.
        check("body.code", expected.ProblemCode ?? "present",
            expected.ProblemCode is null ? (actual.BodyString("code") is null ? null : "present") : actual.BodyString("code"));

        if (StageRejection.IsRejectionCode(expected.ProblemCode))
        {
            check("body.invalid", List(expected.Invalid), Strings(body["invalid"]));
            check("body.validStages", List(_data.Stages), Strings(body["validStages"]));
            check("body.suggestions", List(expected.Suggestions.Select(s => s.Input + "->" + (s.DidYouMean ?? "null"))), Suggestions(body["suggestions"]));
        }
        else if (expected.ProblemCode is ProblemCodes.ValidationError or ProblemCodes.InvalidStageWeights)
        {
            check("body.errors", "a non-empty list of {path, message}",
                body["errors"] is JsonArray { Count: > 0 } errors && errors.All(e => e is JsonObject o && o["path"] is not null && o["message"] is not null)
                    ? "a non-empty list of {path, message}" : GoldenJson.Write(body["errors"]));
        }
    }

    private void CompareServed(ExpectedOutcome expected, ObservedOutcome actual, Action<string, string?, string?> check)
    {
        var body = actual.Body as JsonObject;
        if (expected.Distribution is { } distribution)
        {
            var want = Weights(distribution);
            var observed = body?["stageDistribution"] is JsonArray array
                ? array.Select(e => (e?["stage"]?.GetValue<string>(), Double(e?["weight"]))).ToList()
                : body?["stageAllocation"] is JsonObject obj ? obj.Select(p => ((string?)p.Key, Double(p.Value))).ToList() : null;
            var got = observed is null ? null
                : observed.Count == distribution.Count && observed.Zip(distribution).All(p =>
                    p.First.Item1 == p.Second.Stage && p.First.Item2 is { } w && Math.Abs(w - p.Second.Weight) <= WeightTolerance)
                    ? want
                    : string.Join(", ", observed.Select(o => o.Item1 + "=" + (o.Item2?.ToString("R", CultureInfo.InvariantCulture) ?? "?")));
            check("body distribution", want, got);
        }

        if (expected.ScalarStages is { } scalars && body is not null)
        {
            if (body["items"] is JsonArray items)
            {
                // Unknown items served outside enforce may be echoed raw or left out; what must hold is that
                // every known item comes back canonical, in order, and nothing unknown became a stage.
                var canonical = items
                    .Select(i => i?["stage"] is JsonValue v && v.TryGetValue<string>(out var stage) ? stage : null)
                    .Where(stage => stage is not null && _data.Stages.Contains(stage, StringComparer.Ordinal));
                check("body.items[].stage", List(scalars), List(canonical));
            }
            else if (scalars.Distinct(StringComparer.Ordinal).Count() == 1)
            {
                var only = scalars[0];
                var offending = StageMembers(body).Where(stage => !string.Equals(stage, only, StringComparison.Ordinal)).Distinct().ToList();
                check("body stage members", "all " + only, offending.Count == 0 ? "all " + only : "also " + List(offending));
            }
        }
    }

    private static IEnumerable<string?> StageMembers(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "stage" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : StageMembers(p.Value)),
        JsonArray array => array.SelectMany(StageMembers),
        _ => [],
    };

    private static string Weights(IReadOnlyList<CanonicalWeight> weights) =>
        string.Join(", ", weights.Select(w => w.Stage + "=" + w.Weight.ToString("R", CultureInfo.InvariantCulture)));

    private static double? Double(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static string? Strings(JsonNode? node) =>
        node is JsonArray array ? List(array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : GoldenJson.Write(n))) : null;

    private static string? Suggestions(JsonNode? node) =>
        node is JsonArray array
            ? List(array.Select(n => (n?["input"]?.ToString() ?? "?") + "->" + (n?["didYouMean"]?.ToString() ?? "null")))
            : null;

    private static string List(IEnumerable<string?> values) => "[" + string.Join(", ", values.Select(v => v ?? "null")) + "]";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
