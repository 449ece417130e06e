namespace Harness.Engine.Gates.Drills;

/// <summary>What the Postgres outage drill saw, for <see cref="PostgresOutageJudgement"/>.</summary>
public sealed record OutageObservation
{
    /// <summary>Requests sent in the whole window.</summary>
    public int Sent { get; init; }

    /// <summary>Sends more than 100 ms behind their schedule (the harness fell behind).</summary>
    public int LateSends { get; init; }

    /// <summary>Writes sent while Postgres was away.</summary>
    public int WritesDuringOutage { get; init; }

    /// <summary>Requests of any kind sent while Postgres was away.</summary>
    public int SentDuringOutage { get; init; }

    /// <summary>Writes answered 2xx (the ledger), before, during and after.</summary>
    public int WritesAcknowledged { get; init; }

    /// <summary>Acknowledged writes read back as missing (404) or different in meaning.</summary>
    public int Lost { get; init; }

    /// <summary>Acknowledged writes that could not be read back at all (an error status or no answer, twice).</summary>
    public int Unreadable { get; init; }

    /// <summary>Clean failures: 503 with <c>application/problem+json</c> and status 503 in the body.</summary>
    public int Clean503 { get; init; }

    /// <summary>Unclean answers by kind (<c>500</c>, <c>503 without a problem body</c>, <c>hang (no answer in 10s)</c>, ...).</summary>
    public IReadOnlyDictionary<string, int> Unclean { get; init; } = new Dictionary<string, int>();

    /// <summary><c>/readyz</c> polls answered while Postgres was away.</summary>
    public int ReadyPollsDuringOutage { get; init; }

    /// <summary>Of those, polls answered non-2xx (unready).</summary>
    public int UnreadyDuringOutage { get; init; }

    /// <summary>Seconds from the repair until both N writes in a row succeeded and <c>/readyz</c> was ready again; null when not within the limit.</summary>
    public double? RecoverySeconds { get; init; }

    /// <summary>Why recovery was not reached, when <see cref="RecoverySeconds"/> is null.</summary>
    public string NotRecovered { get; init; } = "";
}
