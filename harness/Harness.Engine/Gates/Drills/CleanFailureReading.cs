using System.Globalization;
using System.Text.Json;
using Harness.Engine.Requests;
using StageContract.Endpoints;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// How the Postgres drill reads its load: which requests are persisted writes, whether each failure is
/// clean (a 503 problem+json; anything else, a hang past the request timeout included, is not), and every
/// acknowledged write into the ledger (its id and echo, to be read back after the outage).
/// </summary>
/// <param name="readBack">The read-back route template of a create endpoint; null for an endpoint that is not a persisted write.</param>
/// <param name="ledger">The acknowledged writes.</param>
/// <param name="requestTimeout">The bound of each request, named in a hang.</param>
internal sealed class CleanFailureReading(Func<StageEndpoint, string?> readBack, AcknowledgedWrites ledger, TimeSpan requestTimeout) : IOutageReading
{
    /// <inheritdoc />
    public OutageRequest Sending(StageRequest request, OutageRequest sent) =>
        sent with { IsWrite = readBack(request.Endpoint) is not null };

    /// <inheritdoc />
    public OutageRequest Read(StageRequest request, OutageRequest ended, string? mediaType, string body, Exception? failure)
    {
        if (failure is OperationCanceledException)
        {
            var hang = string.Create(CultureInfo.InvariantCulture, $"hang (no answer within {requestTimeout.TotalSeconds:0.###}s)");
            return ended with { Error = hang, Unclean = hang, Detail = "" };
        }

        if (failure is not null)
        {
            return ended with { Error = failure.Message, Unclean = "transport error", Detail = OutageLoad.Snippet(failure.Message) };
        }

        var status = ended.Status ?? 0;
        var unclean = Unclean(status, mediaType, body);
        if (unclean is null && ended.IsWrite && status is >= 200 and < 300
            && ledger.Record(readBack(request.Endpoint)!, body, ended.SentAt, request.RequestId) is { } notALedgerEntry)
        {
            unclean = $"{status} {notALedgerEntry}";
        }

        return ended with { Unclean = unclean };
    }

    /// <summary>Null when the answer is a 2xx or a clean 503 (problem+json with status 503); else what is wrong with it.</summary>
    internal static string? Unclean(int status, string? mediaType, string body)
    {
        if (status is >= 200 and < 300)
        {
            return null;
        }

        if (status != 503)
        {
            return status.ToString(CultureInfo.InvariantCulture);
        }

        if (!string.Equals(mediaType, "application/problem+json", StringComparison.OrdinalIgnoreCase))
        {
            return $"503 as {mediaType ?? "no content type"}, not application/problem+json";
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("status", out var s)
                   && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) && n == 503
                ? null
                : "503 problem without status 503 in its body";
        }
        catch (JsonException)
        {
            return "503 problem+json that is not JSON";
        }
    }
}
