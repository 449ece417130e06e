namespace Harness.Engine.Gates.Drills;

/// <summary>One stage request of a drill's ledger.</summary>
/// <param name="Index">Its place in the load.</param>
/// <param name="Endpoint">The endpoint, such as <c>GET /api/companies</c>.</param>
/// <param name="ScheduledSeconds">When it was due, seconds from the start of the load.</param>
/// <param name="LagMilliseconds">How late the harness sent it (its own engine falling behind).</param>
/// <param name="Window">Before, during or after the outage, by when it was due.</param>
/// <param name="Status">The answer's status; 0 when there was none.</param>
/// <param name="Expected">The status the contract gives; null for any 2xx.</param>
/// <param name="LatencyMilliseconds">From sending to the whole answer (or the failure).</param>
/// <param name="Error">The transport failure; null when answered.</param>
public sealed record OutageRequest(long Index, string Endpoint, double ScheduledSeconds, double LagMilliseconds, OutageWindow Window,
    int Status, int? Expected, double LatencyMilliseconds, string? Error)
{
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
            return System.FormattableString.Invariant($"answered {Status} after {LatencyMilliseconds:0} ms (> {timeoutMilliseconds} ms)");
        }

        var conforms = Expected is { } s ? Status == s : Status is >= 200 and < 300;
        return conforms ? null : $"{Status} where the contract gives {(Expected is { } e ? e.ToString(System.Globalization.CultureInfo.InvariantCulture) : "2xx")}";
    }
}
