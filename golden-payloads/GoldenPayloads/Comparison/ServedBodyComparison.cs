using System.Globalization;
using System.Text.Json.Nodes;
using GoldenPayloads.Oracle;
using GoldenPayloads.Running;
using StageContract;
using StageContract.Distributions;
using StageContract.Normalization;

namespace GoldenPayloads.Comparison;

/// <summary>
/// A served body (contract sections 1, 2 and 6) against the oracle's expectation: the distribution
/// computed with (canonical, merged, rescaled; an object's members in any order, since JSON objects
/// are unordered), the items' canonical stages, and a companies filter that never returns a company
/// of a stage it did not ask for (no silent fallback).
/// </summary>
internal sealed class ServedBodyComparison(ContractRules rules)
{
    public void Compare(ExpectedOutcome expected, ObservedOutcome actual, Action<string, string?, string?> check)
    {
        var body = actual.Body as JsonObject;
        if (expected.Distribution is { } distribution)
        {
            check("body distribution", Weights(distribution), ObservedDistribution(body, distribution));
        }

        if (expected.ScalarStages is not { } scalars || body is null)
        {
            return;
        }

        if (body["items"] is JsonArray items)
        {
            // Unknown items served outside enforce may be echoed raw or left out; what must hold is that
            // every known item comes back canonical, in order, and nothing unknown became a stage.
            var canonical = items
                .Select(i => i?["stage"] is JsonValue v && v.TryGetValue<string>(out var stage) ? stage : null)
                .Where(stage => stage is not null && rules.Data.Stages.Contains(stage, StringComparer.Ordinal));
            check("body.items[].stage", List(scalars), List(canonical));
        }
        else
        {
            CompareFilter(expected, scalars, body, check);
        }
    }

    /// <summary>
    /// A served <c>?stage=</c> filter: every stage in the body that is a known stage must be one the
    /// filter names (by its canonical stage), and every other stage must be an unknown filter value
    /// itself (a service may match stored legacy values literally). An unknown filter that returns
    /// some real stage's companies is the silent fallback section 1 forbids.
    /// </summary>
    private void CompareFilter(ExpectedOutcome expected, IReadOnlyList<string> scalars, JsonObject body, Action<string, string?, string?> check)
    {
        var canonical = scalars.ToHashSet(StringComparer.Ordinal);
        var unknown = expected.UnknownValues.Where(u => u.IsString && u.Value is not null)
            .Select(u => StageNormalizer.Fold(u.Value!) ?? u.Value!).ToHashSet(StringComparer.Ordinal);
        var offending = StageMembers(body).Where(stage =>
        {
            var normalized = rules.Normalizer.Normalize(stage);
            return normalized.IsKnown ? !canonical.Contains(normalized.Canonical!) : !unknown.Contains(StageNormalizer.Fold(stage) ?? stage);
        }).Distinct(StringComparer.Ordinal).ToList();
        var want = "only stages the filter names: " + List([.. scalars.Distinct(StringComparer.Ordinal), .. expected.Invalid]);
        check("body stage members", want, offending.Count == 0 ? want : "also " + List(offending));
    }

    private static string? ObservedDistribution(JsonObject? body, IReadOnlyList<CanonicalWeight> distribution)
    {
        var want = Weights(distribution);
        if (body?["stageDistribution"] is JsonArray array)
        {
            var observed = array.Select(e => (Stage: e?["stage"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null, Weight: Double(e?["weight"]))).ToList();
            var same = observed.Count == distribution.Count && observed.Zip(distribution).All(p => p.First.Stage == p.Second.Stage && Near(p.First.Weight, p.Second.Weight));
            return same ? want : Show(observed);
        }

        if (body?["stageAllocation"] is JsonObject obj)
        {
            var observed = obj.Select(p => ((string?)p.Key, Double(p.Value))).ToList();
            var same = observed.Count == distribution.Count
                && distribution.All(w => obj.TryGetPropertyValue(w.Stage, out var value) && Near(Double(value), w.Weight));
            return same ? want : Show(observed);
        }

        return null;
    }

    private static bool Near(double? observed, double expected) => observed is { } w && Math.Abs(w - expected) <= GoldenComparison.WeightTolerance;

    private static IEnumerable<string> StageMembers(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "stage" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : StageMembers(p.Value)),
        JsonArray array => array.SelectMany(StageMembers),
        _ => [],
    };

    private static string Weights(IReadOnlyList<CanonicalWeight> weights) =>
        string.Join(", ", weights.Select(w => w.Stage + "=" + w.Weight.ToString("R", CultureInfo.InvariantCulture)));

    private static string Show(IEnumerable<(string? Stage, double? Weight)> observed) =>
        string.Join(", ", observed.Select(o => o.Stage + "=" + (o.Weight?.ToString("R", CultureInfo.InvariantCulture) ?? "?")));

    private static double? Double(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static string List(IEnumerable<string?> values) => "[" + string.Join(", ", values.Select(v => v ?? "null")) + "]";
}
