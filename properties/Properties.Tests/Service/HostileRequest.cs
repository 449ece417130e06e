using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Properties.Tests.Distributions;
using Properties.Tests.Generators;
using StageContract.Normalization;

namespace Properties.Tests.Service;

/// <summary>A request to one of the four stage endpoints, with the stage values its payload carries (the oracle's input).</summary>
public sealed record HostileRequest(string Endpoint, HttpMethod Method, string Path, string? Body, IReadOnlyList<RawStage> StageValues)
{
    private const int MaxBodyBytes = 1024 * 1024;
    private static readonly int[] FundIds = [1, 2, 3, 99];

    /// <summary>
    /// Bodies stay within the contract's 1 MiB: over it the service answers 413 before reading the
    /// body and closes the connection, which a client still writing sees as a broken pipe (HTTP/1.1
    /// without Expect: 100-continue). The 413 path is the reference service tests' business.
    /// </summary>
    public static Gen<HostileRequest> Any { get; } = Gen.Frequency(
        (3, MonteCarlo),
        (2, Strategy),
        (2, Allocation),
        (1, Companies))
        .Where(r => r.Body is null || Encoding.UTF8.GetByteCount(r.Body) <= MaxBodyBytes);

    public override string ToString() =>
        $"{Method} {Path} {Body}"; // the body is JSON text with everything but printable ASCII escaped

    /// <summary>A stage member as JSON text (or null to leave it out) and what the service should read from it.</summary>
    private static Gen<(string? Json, RawStage Raw)> StageMember { get; } = Gen.Frequency(
        (12, DistributionGenerators.StageValue.Select(s => ((string?)Json.String(s), RawStage.FromString(s)))),
        (4, HostileText.Any.Select(s => ((string?)Json.String(s), RawStage.FromString(s)))),
        (1, Gen.Constant(((string?)"null", RawStage.FromString(null)))),
        (1, Gen.Constant(((string?)null, RawStage.FromString(null)))),
        (1, Gen.Elements("1", "true", "{}", "[\"seed\"]", "{\"stage\":\"seed\"}").Select(j => ((string?)j, RawStage.NotAString(j)))));

    private static Gen<int> Fund => Gen.Frequency((8, Gen.Elements(1, 2, 3)), (1, Gen.Elements(FundIds)));

    private static Gen<HostileRequest> MonteCarlo =>
        from fund in Fund
        from runs in Gen.Choose(1, 500)
        from seed in Gen.Choose(0, 1_000_000)
        from payload in DistributionGenerators.WithinTolerance
        from members in Gen.ArrayOf(StageMember, payload.Entries.Count)
        let entries = payload.Entries.Zip(members, (e, m) =>
            "{" + (m.Json is null ? "" : "\"stage\":" + m.Json + ",") + "\"weight\":" + Json.Number(e.Weight) + "}")
        select new HostileRequest("monte-carlo", HttpMethod.Post, "/api/monte-carlo/simulate",
            $"{{\"fundId\":{fund},\"runs\":{runs},\"seed\":{seed},\"stageDistribution\":[{string.Join(",", entries)}]}}",
            [.. members.Select(m => m.Raw)]);

    private static Gen<HostileRequest> Strategy =>
        from fund in Fund
        from payload in DistributionGenerators.WithinTolerance
        from keys in Gen.ArrayOf(Gen.Frequency((3, DistributionGenerators.StageValue), (1, HostileText.Any)), payload.Entries.Count)
        let members = keys.Zip(payload.Entries, (k, e) => Json.String(k) + ":" + Json.Number(e.Weight))
        select new HostileRequest("strategies", HttpMethod.Post, "/api/portfolio/strategies",
            $"{{\"fundId\":{fund},\"name\":\"property\",\"stageAllocation\":{{{string.Join(",", members)}}}}}",
            [.. keys.Select(k => RawStage.FromString(k))]);

    private static Gen<HostileRequest> Allocation =>
        from fund in Fund
        from count in Gen.Choose(1, 8)
        from members in Gen.ArrayOf(StageMember, count)
        from amounts in Gen.ArrayOf(Gen.Choose(0, 5_000_000), count)
        let items = members.Zip(amounts, (m, a) =>
            "{\"companyId\":101," + (m.Json is null ? "" : "\"stage\":" + m.Json + ",") + "\"amount\":" + a + "}")
        select new HostileRequest("allocations", HttpMethod.Post, "/api/allocations",
            $"{{\"fundId\":{fund},\"items\":[{string.Join(",", items)}]}}",
            [.. members.Select(m => m.Raw)]);

    private static Gen<HostileRequest> Companies =>
        from fund in Fund
        from values in Gen.ArrayOf(Gen.Frequency((3, DistributionGenerators.StageValue), (1, HostileText.Soup)))
        let stages = values.Length == 0 ? ["seed"] : values.Take(4).ToArray()
        select new HostileRequest("companies", HttpMethod.Get,
            $"/api/funds/{fund}/companies?" + string.Join("&", stages.Select(s => "stage=" + Json.Query(s))),
            null,
            [.. stages.Select(s => RawStage.FromString(s))]);
}
