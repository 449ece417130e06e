using System.Text.Json.Nodes;
using GoldenPayloads.Oracle;
using GoldenPayloads.Running;
using ReferenceImpl.Api.Profiles;
using StageContract;
using StageContract.Modes;

namespace GoldenPayloads.Tests.Comparison;

/// <summary>
/// A conforming answer that makes another valid choice wherever the contract leaves one: lower-case
/// header names, its own sunset, docs URL and recommendation, <c>rel=deprecation</c> as a token,
/// variants strictly percent-encoded in lower-case hex, sorted, the empty value as nothing and cut
/// at 40 characters without a marker, 200 without <c>Location</c> for creates, a charset on the media
/// type, URN problem types, its own codes where the contract names none, <c>invalid</c> and
/// <c>suggestions</c> in reverse order and a tied stage suggested.
/// </summary>
internal static class OtherConformingTarget
{
    public const string Sunset = "Fri, 31 Mar 2028 12:00:00 GMT";
    public const string Docs = "https://developer.example.org/guides/stage-values";

    public static ObservedOutcome Answer(ExpectedOutcome expected, ContractRules rules)
    {
        var h = rules.Data.Headers;
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal) { [h.Mode.ToLowerInvariant()] = expected.Mode.ToWire() };
        if (expected.Deprecation)
        {
            headers[h.Deprecation.ToLowerInvariant()] = "true";
            headers[h.Sunset.ToLowerInvariant()] = Sunset;
            headers[h.DeprecatedVariants.ToLowerInvariant()] = VariantList.Format(ServiceProfile.Alternative.Variants, expected.UnknownValues.Select(u => u.Display), rules.Data.MaxListedVariants);
            headers[h.Docs.ToLowerInvariant()] = Docs;
            headers[h.Link] = $"<{Docs}>; rel=deprecation";
        }

        if (expected.WouldReject)
        {
            headers[h.WouldReject.ToLowerInvariant()] = "true";
            headers[h.Recommendation.ToLowerInvariant()] = "Fix your stage values before enforcement starts.";
        }

        var status = expected.Location ? 200 : expected.Status;
        var conforming = ConformingTarget.Answer(expected, rules.Data);
        var body = (JsonObject?)conforming.Body?.DeepClone();
        if (expected.IsProblem && body is not null)
        {
            body["type"] = "urn:problem:stage:" + (expected.ProblemCode ?? "other").ToLowerInvariant();
            body["title"] = "Another title";
            body["code"] = expected.ProblemCode ?? "RESOURCE_NOT_FOUND_OR_INVALID_JSON";
            if (body["invalid"] is JsonArray invalid)
            {
                body["invalid"] = new JsonArray([.. invalid.Reverse().Select(n => n?.DeepClone())]);
                body["suggestions"] = new JsonArray([.. expected.UnknownValues.Select(u => u.Display).Distinct().Reverse().Select(display =>
                {
                    var raw = expected.UnknownValues.First(u => u.Display == display);
                    return (JsonNode)new JsonObject { ["input"] = display, ["didYouMean"] = rules.Suggester.Nearest(raw) is [.., var last] ? last : null };
                })]);
            }
        }

        return new ObservedOutcome(status, expected.IsProblem ? "application/problem+json; charset=utf-8" : "application/json; charset=utf-8", headers, body, RequestIdEchoed: true);
    }
}
