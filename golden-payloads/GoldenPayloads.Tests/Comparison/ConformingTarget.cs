using System.Text.Json.Nodes;
using GoldenPayloads.Oracle;
using GoldenPayloads.Running;
using StageContract.Data;
using StageContract.Modes;
using StageContract.Problems;

namespace GoldenPayloads.Tests.Comparison;

/// <summary>Builds, by hand from the contract's wording, the outcome a conforming target would send.</summary>
internal static class ConformingTarget
{
    public static ObservedOutcome Answer(ExpectedOutcome expected, StageContractData data)
    {
        var h = data.Headers;
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal) { [h.Mode] = expected.Mode.ToWire() };
        if (expected.Deprecation)
        {
            headers[h.Deprecation] = "true";
            headers[h.Sunset] = data.Sunset;
            headers[h.DeprecatedVariants] = expected.DeprecatedVariants!;
            headers[h.Docs] = data.DocsUrl;
            headers[h.Link] = $"<{data.DocsUrl}>; rel=\"deprecation\"";
        }

        if (expected.WouldReject)
        {
            headers[h.WouldReject] = "true";
            headers[h.Recommendation] = data.Recommendation;
        }

        if (expected.Location)
        {
            headers["Location"] = "/api/things/<id>";
        }

        return new ObservedOutcome(
            expected.Status,
            expected.IsProblem ? "application/problem+json" : "application/json",
            headers,
            expected.IsProblem ? ProblemBody(expected, data) : ServedBody(expected),
            RequestIdEchoed: true);
    }

    private static JsonObject ProblemBody(ExpectedOutcome expected, StageContractData data)
    {
        var body = new JsonObject
        {
            ["type"] = "https://example.test/problems/x",
            ["title"] = "x",
            ["status"] = expected.Status,
            ["code"] = expected.ProblemCode ?? "SERVICE_SPECIFIC",
            ["correlationId"] = OutcomeScrubber.RequestIdMarker,
        };
        if (expected.ProblemCode is ProblemCodes.InvalidStage or ProblemCodes.InvalidStageDistribution)
        {
            body["invalid"] = new JsonArray([.. expected.Invalid.Select(i => JsonValue.Create(i))]);
            body["suggestions"] = new JsonArray([.. expected.Suggestions.Select(s => new JsonObject { ["input"] = s.Input, ["didYouMean"] = s.DidYouMean })]);
            body["validStages"] = new JsonArray([.. data.Stages.Select(s => JsonValue.Create(s))]);
        }
        else if (expected.ProblemCode is ProblemCodes.ValidationError or ProblemCodes.InvalidStageWeights)
        {
            body["errors"] = new JsonArray(new JsonObject { ["path"] = "x", ["message"] = "y" });
        }

        return body;
    }

    private static JsonObject ServedBody(ExpectedOutcome expected)
    {
        var body = new JsonObject { ["id"] = OutcomeScrubber.IdMarker };
        if (expected.Distribution is { } distribution)
        {
            body["stageDistribution"] = new JsonArray([.. distribution.Select(w => new JsonObject { ["stage"] = w.Stage, ["weight"] = w.Weight })]);
        }

        if (expected.ScalarStages is { } stages)
        {
            body["items"] = new JsonArray([.. stages.Select(s => new JsonObject { ["stage"] = s })]);
        }

        return body;
    }
}
