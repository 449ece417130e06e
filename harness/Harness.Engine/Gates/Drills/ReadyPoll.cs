namespace Harness.Engine.Gates.Drills;

/// <summary>One <c>GET /readyz</c> of a drill (<see cref="ReadyPoller"/>): when it was sent, when it ended, and the status; not answered is not ready.</summary>
/// <param name="SentAt">Seconds from the start of the drill at which it was sent.</param>
/// <param name="AnsweredAt">Seconds at which it was answered or given up.</param>
/// <param name="Status">The HTTP status; null when there was no answer in time.</param>
public sealed record ReadyPoll(double SentAt, double AnsweredAt, int? Status)
{
    /// <summary>Answered 2xx.</summary>
    public bool Ready => Status is >= 200 and < 300;
}
