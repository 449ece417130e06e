using System.Text.Json;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests.Faults;

/// <summary>Small pieces the fault probes share.</summary>
internal static class Probe
{
    public static readonly ModeSettings Off = new() { GlobalMode = ValidationMode.Off };
    public static readonly ModeSettings Warn = new() { GlobalMode = ValidationMode.Warn };
    public static readonly ModeSettings Shadow = new() { GlobalMode = ValidationMode.Warn, DryRun = true };
    public static readonly ModeSettings Enforce = new() { GlobalMode = ValidationMode.Enforce };

    public static string? Header(HttpResponseMessage response, string name) => OutcomeTableTests.Header(response, name);

    public static async Task<HttpResponseMessage> CompaniesAsync(ServiceHost host, string stage, string? requestId = null) =>
        await StageEndpoint.Named("companies").SendAsync(host, stage, requestId);

    /// <summary>The Monte Carlo answer to a distribution, as JSON (null when not 200).</summary>
    public static async Task<JsonDocument?> SimulateAsync(ServiceHost host, string distribution)
    {
        using var response = await host.PostJsonAsync("/api/monte-carlo/simulate", $$"""{"fundId":1,"runs":10,"seed":1,"stageDistribution":{{distribution}}}""");
        return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()) : null;
    }

    /// <summary>The computed weights by stage.</summary>
    public static Dictionary<string, double> Weights(JsonDocument document) =>
        document.RootElement.GetProperty("stageDistribution").EnumerateArray()
            .ToDictionary(e => e.GetProperty("stage").GetString()!, e => e.GetProperty("weight").GetDouble());

    /// <summary>An allocation of one item per stage value.</summary>
    public static Task<HttpResponseMessage> AllocateAsync(ServiceHost host, params string[] stages) =>
        host.PostJsonAsync("/api/allocations", "{\"fundId\":1,\"items\":[" +
            string.Join(",", stages.Select((s, i) => $"{{\"companyId\":{101 + i},\"stage\":{JsonSerializer.Serialize(s)},\"amount\":10}}")) + "]}");

    /// <summary>How many of <paramref name="count"/> requests (distinct request ids) match <paramref name="predicate"/>.</summary>
    public static async Task<int> CountAsync(ServiceHost host, int count, string stage, Func<HttpResponseMessage, bool> predicate)
    {
        var hits = 0;
        for (var i = 0; i < count; i++)
        {
            using var response = await CompaniesAsync(host, stage, $"probe-{i:D4}");
            hits += predicate(response) ? 1 : 0;
        }

        return hits;
    }
}
