using Harness.Engine.Requests;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// What a dependency drill reads in each request of its <see cref="OutageLoad"/>, the one part in which
/// the drills differ: the Redis drill the status the contract gives and the target client's words for
/// a failure (<see cref="ContractLedger"/>), the Postgres drill its writes, the clean-503 rule and the
/// acknowledged-write ledger (<see cref="CleanFailureReading"/>).
/// </summary>
internal interface IOutageReading
{
    /// <summary><paramref name="sent"/> as the drill records it before it goes out (on the load's schedule, one at a time).</summary>
    OutageRequest Sending(StageRequest request, OutageRequest sent);

    /// <summary>
    /// <paramref name="request"/>, <paramref name="ended"/> (its answer time, status and start of body filled in when answered) as the drill
    /// records it, from the answer's media type and whole <paramref name="body"/>, or from the <paramref name="failure"/>
    /// that left it unanswered: an <see cref="OperationCanceledException"/> (no answer in time) or an
    /// <see cref="HttpRequestException"/> (no connection, a broken answer). Called concurrently.
    /// </summary>
    OutageRequest Read(StageRequest request, OutageRequest ended, string? mediaType, string body, Exception? failure);
}
