using Harness.Engine.Gates;

namespace Harness.Engine.Audit;

/// <summary>The result of a consumer audit of one access log: immutable; the writers are pure functions of it.</summary>
public sealed record AuditReport
{
    /// <summary>The log read (as given).</summary>
    public required string Source { get; init; }

    /// <summary><c>json</c> or <c>combined</c>.</summary>
    public required string Format { get; init; }

    /// <summary>The client key (<c>ip</c>, <c>ua</c>, <c>header:&lt;name&gt;</c>).</summary>
    public required string ClientKey { get; init; }

    /// <summary>The phase whose configuration decides would-reject, and that configuration in words.</summary>
    public required string Phase { get; init; }

    /// <summary>The phase's configuration, as a short text.</summary>
    public required string Configuration { get; init; }

    /// <summary>Seed of the request ids given to requests logged without a valid one.</summary>
    public required int Seed { get; init; }

    /// <summary>Confidence of every interval.</summary>
    public required double Confidence { get; init; }

    /// <summary><c>unknown</c> or <c>would-reject</c>: the share the limits apply to.</summary>
    public required string Measure { get; init; }

    /// <summary>The overall limit, if any.</summary>
    public double? MaxShare { get; init; }

    /// <summary>The per-client limit, if any.</summary>
    public double? MaxClientShare { get; init; }

    /// <summary>Validated requests a client needs to be judged.</summary>
    public int MinClientSamples { get; init; }

    /// <summary>Lines read (blank lines not counted).</summary>
    public required long Lines { get; init; }

    /// <summary>Lines that are not a request in the format, counted and never guessed at.</summary>
    public required long Malformed { get; init; }

    /// <summary>Malformed lines by reason.</summary>
    public required IReadOnlyList<ValueCount> MalformedReasons { get; init; }

    /// <summary>The first malformed lines: line number, reason, and the start of the line (cut and percent-encoded).</summary>
    public required IReadOnlyList<string> MalformedSamples { get; init; }

    /// <summary>Stage-bearing requests that could not be classified, by reason (for example a POST with no body in a combined log).</summary>
    public required IReadOnlyList<ValueCount> UnclassifiedReasons { get; init; }

    /// <summary>All clients together.</summary>
    public required ClientAudit Overall { get; init; }

    /// <summary>Distinct clients tracked one by one (at most the cap).</summary>
    public required int TrackedClients { get; init; }

    /// <summary>The cap on tracked clients.</summary>
    public required int MaxClients { get; init; }

    /// <summary>The worst tracked clients (most requests counted by the measure, then highest share), at most the report's bound.</summary>
    public required IReadOnlyList<ClientAudit> Clients { get; init; }

    /// <summary>Requests of clients first seen after the cap was reached, together; null when the cap was not reached.</summary>
    public ClientAudit? OtherClients { get; init; }

    /// <summary>Pass, Fail or Inconclusive against the limits (Pass without limits).</summary>
    public required GateStatus Status { get; init; }

    /// <summary>One line saying why.</summary>
    public required string Reason { get; init; }

    /// <summary>Tracked clients judged above the per-client limit (interval wholly above).</summary>
    public required int ClientsAbove { get; init; }

    /// <summary>Tracked clients whose share is above the limit but whose interval reaches below it.</summary>
    public required int ClientsPossiblyAbove { get; init; }
}
