using System.Text.Json;

namespace ReferenceImpl.Api.Tests;

/// <summary>A stage endpoint and how to send one stage value through it.</summary>
public sealed record StageEndpoint(string Name, HttpMethod Method, bool IsWrite, bool IsArray, int SuccessStatus, Func<string, (string Path, string? Body)> Build)
{
    public static readonly IReadOnlyList<StageEndpoint> All =
    [
        new("monte-carlo", HttpMethod.Post, false, true, 200, stage => ("/api/monte-carlo/simulate",
            $$"""{"fundId":1,"runs":100,"seed":3,"stageDistribution":[{"stage":{{Json(stage)}},"weight":0.5},{"stage":"seed","weight":0.5}]}""")),
        new("strategies", HttpMethod.Post, true, false, 201, stage => ("/api/portfolio/strategies",
            $$$"""{"fundId":1,"name":"core","stageAllocation":{{{{Json(stage)}}}:0.5,"seed":0.5}}""")),
        new("allocations", HttpMethod.Post, true, false, 201, stage => ("/api/allocations",
            $$"""{"fundId":1,"items":[{"companyId":101,"stage":{{Json(stage)}},"amount":1000},{"companyId":102,"stage":"seed","amount":500}]}""")),
        new("companies", HttpMethod.Get, false, false, 200, stage => ("/api/funds/1/companies?stage=" + Uri.EscapeDataString(stage), null)),
    ];

    public static StageEndpoint Named(string name) => All.Single(e => e.Name == name);

    public Task<HttpResponseMessage> SendAsync(ServiceHost host, string stage, string? requestId = null)
    {
        var (path, body) = Build(stage);
        return host.SendAsync(Method, path, body, requestId);
    }

    private static string Json(string value) => JsonSerializer.Serialize(value);

    public override string ToString() => Name;
}
