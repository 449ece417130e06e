using System.Globalization;
using System.Text.Json.Nodes;
using GoldenPayloads.Oracle;
using GoldenPayloads.Running;
using StageContract;
using StageContract.Problems;

namespace GoldenPayloads.Comparison;

/// <summary>
/// A problem body (contract section 5) against the oracle's expectation: the members the contract
/// names must be there, with the values it fixes; what it leaves open (the <c>type</c> URI, the
/// title, a code where it names none, the order of <c>invalid</c> and <c>suggestions</c>, which of
/// several tied stages is suggested) may be anything valid.
/// </summary>
internal sealed class ProblemBodyComparison(ContractRules rules)
{
    public void Compare(ExpectedOutcome expected, ObservedOutcome actual, Action<string, string?, string?> check)
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
            var invalid = Strings(body["invalid"]);
            var want = expected.Invalid.ToHashSet(StringComparer.Ordinal);
            check("body.invalid", List(expected.Invalid) + " in any order",
                invalid is null ? null : want.SetEquals(invalid) ? List(expected.Invalid) + " in any order" : List(invalid));
            check("body.validStages", List(rules.Data.Stages), StringsText(body["validStages"]));
            CompareSuggestions(expected, body["suggestions"], check);
        }
        else if (expected.ProblemCode is ProblemCodes.ValidationError or ProblemCodes.InvalidStageWeights)
        {
            check("body.errors", "a non-empty list of {path, message}",
                body["errors"] is JsonArray { Count: > 0 } errors && errors.All(e => e is JsonObject o && o["path"] is not null && o["message"] is not null)
                    ? "a non-empty list of {path, message}" : GoldenJson.Write(body["errors"]));
        }
    }

    /// <summary>
    /// One <c>{input, didYouMean}</c> per invalid input, in any order. <c>didYouMean</c> is the nearest
    /// stage when one is nearest; where keys of several stages tie the contract does not say which is
    /// nearest, so null or any tied stage is accepted.
    /// </summary>
    private void CompareSuggestions(ExpectedOutcome expected, JsonNode? node, Action<string, string?, string?> check)
    {
        var accepted = new Dictionary<string, HashSet<string?>>(StringComparer.Ordinal);
        foreach (var raw in expected.UnknownValues)
        {
            var nearest = rules.Suggester.Nearest(raw);
            accepted.TryAdd(raw.Display, nearest.Count == 1 ? [nearest[0]] : [null, .. nearest]);
        }

        var want = "[" + string.Join(", ", accepted.Select(a => a.Key + "->" + string.Join("|", a.Value.Select(v => v ?? "null")))) + "] in any order";
        if (node is not JsonArray array)
        {
            check("body.suggestions", want, node is null ? null : GoldenJson.Write(node));
            return;
        }

        var given = array.Select(n => (Input: Text(n?["input"]), DidYouMean: n?["didYouMean"] is JsonValue v && v.TryGetValue<string>(out var d) ? d : null)).ToList();
        var fits = given.All(g => g.Input is not null && accepted.TryGetValue(g.Input, out var ok) && ok.Contains(g.DidYouMean))
            && accepted.Keys.All(input => given.Any(g => g.Input == input));
        check("body.suggestions", want, fits ? want : "[" + string.Join(", ", given.Select(g => (g.Input ?? "?") + "->" + (g.DidYouMean ?? "null"))) + "]");
    }

    /// <summary>A raw value as a JSON body lists it: a string, or the JSON text of anything else (a number, null).</summary>
    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node is null ? "null" : GoldenJson.Write(node);

    private static List<string>? Strings(JsonNode? node) => node is JsonArray array ? [.. array.Select(n => Text(n)!)] : null;

    private static string? StringsText(JsonNode? node) => Strings(node) is { } list ? List(list) : null;

    private static string List(IEnumerable<string?> values) => "[" + string.Join(", ", values.Select(v => v ?? "null")) + "]";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
