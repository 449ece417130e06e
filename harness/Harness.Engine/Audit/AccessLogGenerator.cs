using System.Globalization;

namespace Harness.Engine.Audit;

/// <summary>
/// A seeded generator of access logs of mixed clients, for tests and the memory benchmark: well-behaved
/// clients send canonical and alias stages on <c>GET /api/funds/{fundId}/companies?stage=</c>, writes,
/// and other routes; one offending client sends unknown stages at a given share of its stage requests.
/// The same options write the same log.
/// </summary>
public static class AccessLogGenerator
{
    private static readonly string[] Known = ["seed", "series-a", "Series%20A", "pre_seed", "series-c%2B", "seriesb", "SERIES-B"];
    private static readonly string[] Unknown = ["growth", "series-d", "seriesc", "late%20stage", "angel", "%E2%80%8Bseed%E2%80%8Bx", "round%20a"];
    private static readonly string[] Others = ["/api/deprecations", "/healthz", "/metrics"];

    /// <summary>Writes the log and returns what it holds, so that a test knows the truth.</summary>
    public static GeneratedLog Write(TextWriter writer, GeneratedLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        long offenderStage = 0, offenderUnknown = 0, unclassified = 0, malformed = 0;
        for (long i = 0; i < options.Lines; i++)
        {
            if (options.MalformedEvery > 0 && i % options.MalformedEvery == options.MalformedEvery - 1)
            {
                writer.Write(options.Format == AccessLogFormat.Combined ? "garbage line without a request\n" : "{\"method\": \"GET\", \"path\": \n");
                malformed++;
                continue;
            }

            var offender = random.NextDouble() < options.OffenderShare;
            var client = offender ? options.Offender : Client(random, options.Clients);
            var roll = random.NextDouble();
            string method, target;
            string? body = null;
            if (roll < 0.7)
            {
                var unknown = offender && random.NextDouble() < options.OffenderUnknownShare;
                var pool = unknown ? Unknown : Known;
                method = "GET";
                target = string.Create(CultureInfo.InvariantCulture, $"/api/funds/{1 + random.Next(3)}/companies?stage={pool[random.Next(pool.Length)]}");
                if (offender)
                {
                    offenderStage++;
                    offenderUnknown += unknown ? 1 : 0;
                }
            }
            else if (roll < 0.85)
            {
                method = "POST";
                target = "/api/allocations";
                body = string.Create(CultureInfo.InvariantCulture, $"{{\"fundId\":1,\"items\":[{{\"companyId\":{1 + random.Next(5)},\"stage\":\"seed\",\"amount\":1000}}]}}");
                unclassified += options.Format == AccessLogFormat.Combined ? 1 : 0;
                offenderStage += offender && options.Format == AccessLogFormat.Json ? 1 : 0;
            }
            else
            {
                method = "GET";
                target = Others[random.Next(Others.Length)];
            }

            writer.Write(options.Format == AccessLogFormat.Combined ? Combined(client, method, target, i) : Json(client, method, target, body, i));
        }

        return new GeneratedLog(offenderStage, offenderUnknown, unclassified, malformed);
    }

    private static string Client(Random random, int clients)
    {
        var n = random.Next(clients);
        return string.Create(CultureInfo.InvariantCulture, $"10.1.{n / 250}.{n % 250}");
    }

    private static string Combined(string ip, string method, string target, long i) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{ip} - - [30/Nov/2026:10:{i / 60 % 60:00}:{i % 60:00} +0000] \"{method} {target} HTTP/1.1\" 200 {100 + (i % 900)} \"-\" \"client/{ip} (\\\"generated\\\")\"\n");

    private static string Json(string ip, string method, string target, string? body, long i) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{{\"method\":\"{method}\",\"path\":\"{target}\",\"body\":{body ?? "null"},\"requestId\":\"gen-{i}\",\"ip\":\"{ip}\",\"headers\":{{\"X-Api-Key\":\"key-{ip}\"}}}}\n");
}
