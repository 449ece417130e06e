using System.Globalization;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// One stage request of a dependency drill's load (<see cref="OutageLoad"/>) and how it ended; times
/// are seconds from the start of the drill. What a drill reads in the answer
/// (<see cref="IOutageReading"/>) is filled in by that drill: the status the contract gives (Redis),
/// whether it is a persisted write and whether its failure was clean (Postgres).
/// </summary>
/// <param name="Index">Its place in send order.</param>
/// <param name="Request">The request, for evidence (<c>POST /api/allocations [...] rid=...</c>).</param>
/// <param name="Endpoint">The endpoint, such as <c>GET /api/companies</c>.</param>
/// <param name="ScheduledSeconds">When it was due.</param>
/// <param name="SentAt">When it was sent.</param>
public sealed record OutageRequest(long Index, string Request, string Endpoint, double ScheduledSeconds, double SentAt)
{
    /// <summary>When the whole answer was in; null when there was none (no answer in time, no connection, not sent).</summary>
    public double? AnsweredAt { get; init; }

    /// <summary>The HTTP status; null when there was no answer.</summary>
    public int? Status { get; init; }

    /// <summary>Why there was no answer, in the drill's words; null when answered.</summary>
    public string? Error { get; init; }

    /// <summary>The start of the answer's body (or of the failure) for evidence; default empty.</summary>
    public string Detail { get; init; } = "";

    /// <summary>The status the contract gives; null for any 2xx (the default).</summary>
    public int? Expected { get; init; }

    /// <summary>True for a persisted write; default false.</summary>
    public bool IsWrite { get; init; }

    /// <summary>Null for a 2xx or a clean 503 (problem+json, status 503); else what was wrong: <c>500</c>, <c>503 without a problem body</c>, <c>hang (...)</c>.</summary>
    public string? Unclean { get; init; }

    /// <summary>Before, during or after the outage, by when it was due; default before (the drill places it).</summary>
    public OutageWindow Window { get; init; }

    /// <summary>How late the harness sent it (its own engine falling behind).</summary>
    public double LagMilliseconds => (SentAt - ScheduledSeconds) * 1000;

    /// <summary>From sending to the whole answer; 0 when there was none.</summary>
    public double LatencyMilliseconds => AnsweredAt is { } answered ? (answered - SentAt) * 1000 : 0;

    /// <summary>Answered 2xx.</summary>
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>Answered 503 problem+json.</summary>
    public bool Clean503 => Status == 503 && Unclean is null;

    /// <summary>Why the request failed (transport, 5xx, slower than <paramref name="timeoutMilliseconds"/>, a status the contract does not give); null when it did not.</summary>
    public string? Failure(int timeoutMilliseconds)
    {
        if (Error is not null)
        {
            return "no answer: " + Error;
        }

        if (Status >= 500)
        {
            return $"{Status}";
        }

        if (LatencyMilliseconds > timeoutMilliseconds)
        {
            return FormattableString.Invariant($"answered {Status} after {LatencyMilliseconds:0} ms (> {timeoutMilliseconds} ms)");
        }

        var conforms = Expected is { } s ? Status == s : Status is >= 200 and < 300;
        return conforms ? null : $"{Status} where the contract gives {(Expected is { } e ? e.ToString(CultureInfo.InvariantCulture) : "2xx")}";
    }
}
