namespace Harness.Engine.Gates.Drills;

/// <summary>One request of the outage drill and how it ended.</summary>
/// <param name="Index">Its place in send order.</param>
/// <param name="Request">The request, for evidence (<c>POST /api/allocations [...] rid=...</c>).</param>
/// <param name="IsWrite">True for a persisted write.</param>
/// <param name="SentAt">Seconds from the start of the drill at which it was sent.</param>
/// <param name="AnsweredAt">Seconds from the start at which it was answered; null when it was not (a hang or a transport error).</param>
/// <param name="Status">The HTTP status; null when there was no answer.</param>
/// <param name="Unclean">Null for a 2xx or a clean 503 (problem+json, status 503); else what was wrong: <c>500</c>, <c>503 without a problem body</c>, <c>hang (...)</c>.</param>
/// <param name="Detail">A snippet of the answer (or the error) for evidence.</param>
public sealed record OutageAnswer(long Index, string Request, bool IsWrite, double SentAt, double? AnsweredAt, int? Status, string? Unclean, string Detail)
{
    /// <summary>Answered 2xx.</summary>
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>Answered 503 problem+json.</summary>
    public bool Clean503 => Status == 503 && Unclean is null;
}
