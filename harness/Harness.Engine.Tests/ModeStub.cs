using System.Net;
using System.Text;
using StageContract;
using StageContract.Modes;

namespace Harness.Engine.Tests;

/// <summary>
/// A stub target that answers every stage request as a conforming service would answer a request
/// with an unknown stage under a configuration (contract sections 3-4): rejected in enforce, the
/// deprecation set in warn, the would-reject flag too in shadow, nothing in off. Fixture creations
/// get an id; <c>/api/deprecations</c> answers the given self-report.
/// </summary>
internal static class ModeStub
{
    public const string Sunset = "Wed, 30 Jun 2027 00:00:00 GMT";
    public const string Docs = "https://docs.team.example/stages";

    public static HttpClient Client(ModeSettings settings, string selfReport, Func<EffectiveMode, EffectiveMode>? twist = null) =>
        StubHandler.Client(request => Answer(settings, selfReport, request, twist));

    public static HttpResponseMessage Answer(ModeSettings settings, string selfReport, HttpRequestMessage request, Func<EffectiveMode, EffectiveMode>? twist = null)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path == "/api/deprecations")
        {
            return StubHandler.Json(selfReport);
        }

        var id = request.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.First() : "none";
        if (id.Contains("fixture", StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("{\"id\":\"x1\"}", Encoding.UTF8, "application/json") };
        }

        var route = Route(path);
        var mode = ContractRules.Default.Decider.Decide(settings, request.Method.Method, route, id);
        mode = twist?.Invoke(mode) ?? mode;
        HttpResponseMessage response;
        if (mode == EffectiveMode.Enforce)
        {
            var code = route == "/api/monte-carlo/simulate" ? "INVALID_STAGE_DISTRIBUTION" : "INVALID_STAGE";
            response = new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                Content = new StringContent($"{{\"type\":\"about:blank\",\"title\":\"t\",\"status\":400,\"code\":\"{code}\",\"correlationId\":\"{id}\"}}", Encoding.UTF8, "application/problem+json"),
            };
        }
        else
        {
            response = StubHandler.Json("{\"id\":\"x1\"}");
            if (mode is EffectiveMode.Warn or EffectiveMode.Shadow)
            {
                response.Headers.Add("Deprecation", "true");
                response.Headers.Add("Sunset", Sunset);
                response.Headers.Add("X-Stage-Docs", Docs);
                response.Headers.TryAddWithoutValidation("Link", $"<{Docs}>; rel=deprecation");
                response.Headers.Add("X-Stage-Deprecated-Variants", "rehearse-probe");
            }

            if (mode == EffectiveMode.Shadow)
            {
                response.Headers.Add("X-Stage-Would-Reject", "true");
                response.Headers.Add("X-Stage-Recommendation", "fix it");
            }
        }

        response.Headers.Add("X-Stage-Mode", mode.ToWire());
        return response;
    }

    private static string Route(string path) => path switch
    {
        _ when path.StartsWith("/api/portfolio/strategies/", StringComparison.Ordinal) => "/api/portfolio/strategies/{id}",
        _ when path.StartsWith("/api/allocations/", StringComparison.Ordinal) => "/api/allocations/{id}",
        _ when path.StartsWith("/api/funds/", StringComparison.Ordinal) => "/api/funds/{fundId}/companies",
        _ => path,
    };
}
