using System.Text.Json;
using System.Text.Json.Nodes;
using GoldenPayloads.Corpus;
using GoldenPayloads.Modes;
using GoldenPayloads.Running;
using StageContract.Endpoints;

namespace GoldenPayloads.Tests.Service;

/// <summary>
/// The same stage value gets the same decision on every endpoint: written through the array,
/// object, scalar and query inputs, the mode, the deprecation set, the would-reject headers and
/// the rejection agree (write-only compares reads with reads and writes with writes, since it
/// decides differently for them by design).
/// </summary>
[Collection(ReferenceServicesDefinition.Name)]
public sealed class CrossEndpointTests(ReferenceServices services)
{
    private static readonly StageEndpoint MonteCarlo = GoldenEndpoints.InFolder("monte-carlo");
    private static readonly StageEndpoint Strategies = GoldenEndpoints.InFolder("strategies");
    private static readonly StageEndpoint Allocations = GoldenEndpoints.InFolder("allocations");
    private static readonly StageEndpoint Companies = GoldenEndpoints.InFolder("companies");

    private static readonly string[] Values =
    [
        "seed", "Series A", "SERIES\u2011B", "\uff53\uff45\uff45\uff44", "series\u00a0c+", "growth", "seriesc", "\u0405eed", "late stage",
    ];

    public static TheoryData<string, GoldenMode> Pairs
    {
        get
        {
            var data = new TheoryData<string, GoldenMode>();
            foreach (var value in Values)
            {
                foreach (var mode in GoldenModes.All)
                {
                    data.Add(value, mode);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task SameStageValue_OnEveryEndpoint_SameDecision(string value, GoldenMode mode)
    {
        var decisions = new Dictionary<StageEndpoint, Decision>();
        foreach (var golden in CasesFor(value))
        {
            var observed = await services.RunAsync(golden, mode);
            var decision = Decision.Of(observed);
            var expected = Decision.Of(services.Expect(golden, mode));
            Assert.True(expected == decision, $"{golden.Endpoint.FolderName()} in {mode.Name()}: expected {expected}, observed {decision}");
            decisions[golden.Endpoint] = decision;
        }

        var groups = mode == GoldenMode.WriteOnly
            ? new[] { new[] { MonteCarlo, Companies }, new[] { Strategies, Allocations } }
            : [[.. GoldenEndpoints.All]];
        foreach (var group in groups)
        {
            Assert.Single(group.Select(e => decisions[e]).Distinct());
        }
    }

    /// <summary>One request per endpoint carrying the value; distributions add a canonical 'pre-seed' so a lone unknown never hits NO_KNOWN_STAGES.</summary>
    private static IEnumerable<GoldenCase> CasesFor(string value)
    {
        yield return Case(MonteCarlo, "/api/monte-carlo/simulate", new JsonObject
        {
            ["fundId"] = 1, ["runs"] = 50, ["seed"] = 7,
            ["stageDistribution"] = new JsonArray(new JsonObject { ["stage"] = value, ["weight"] = 0.5 }, new JsonObject { ["stage"] = "pre-seed", ["weight"] = 0.5 }),
        });
        yield return Case(Strategies, "/api/portfolio/strategies", new JsonObject
        {
            ["fundId"] = 1, ["name"] = "cross-endpoint", ["stageAllocation"] = new JsonObject { [value] = 0.5, ["pre-seed"] = 0.5 },
        });
        yield return Case(Allocations, "/api/allocations", new JsonObject
        {
            ["fundId"] = 1,
            ["items"] = new JsonArray(new JsonObject { ["companyId"] = 102, ["stage"] = value, ["amount"] = 1000 }, new JsonObject { ["companyId"] = 101, ["stage"] = "pre-seed", ["amount"] = 1000 }),
        });
        yield return new GoldenCase(Companies, "cross-endpoint", value,
            new GoldenRequest("GET", "/api/funds/1/companies?stage=" + Uri.EscapeDataString(value), null, null), "(generated)");
    }

    private static GoldenCase Case(StageEndpoint endpoint, string path, JsonObject body) =>
        new(endpoint, "cross-endpoint", "generated", new GoldenRequest("POST", path, JsonSerializer.SerializeToElement(body), null), "(generated)");

    /// <summary>What a client can see of the stage decision.</summary>
    private sealed record Decision(string? Mode, bool Served, bool Rejected, string? Variants, bool WouldReject)
    {
        public static Decision Of(ObservedOutcome o) => new(
            o.Header("X-Stage-Mode"),
            o.Status is >= 200 and < 300,
            o.Status == 400 && o.BodyString("code") is "INVALID_STAGE" or "INVALID_STAGE_DISTRIBUTION",
            o.Header("Deprecation") is null ? null : o.Header("X-Stage-Deprecated-Variants"),
            o.Header("X-Stage-Would-Reject") == "true");

        public static Decision Of(GoldenPayloads.Oracle.ExpectedOutcome e) => new(
            StageContract.Modes.ModeNames.ToWire(e.Mode),
            e.IsSuccess,
            e.ProblemCode is "INVALID_STAGE" or "INVALID_STAGE_DISTRIBUTION",
            e.Deprecation ? e.DeprecatedVariants : null,
            e.WouldReject);
    }
}
