using Harness.Engine.Gates.Statistics;

namespace Harness.Engine.Audit;

/// <summary>How a consumer audit counts and judges.</summary>
public sealed record AuditOptions
{
    /// <summary>What identifies a client; default the remote address.</summary>
    public ClientKey Client { get; init; } = ClientKey.Ip;

    /// <summary>Distinct clients tracked one by one; later ones are counted together as "other clients". Default 10,000.</summary>
    public int MaxClients { get; init; } = 10_000;

    /// <summary>Top offending raw values listed per client (Space-Saving with twice as many counters); default 5.</summary>
    public int TopValues { get; init; } = 5;

    /// <summary>Characters of a raw value kept before it is counted and shown (longer ones are cut and marked); default 64.</summary>
    public int MaxValueChars { get; init; } = 64;

    /// <summary>Characters of a client key kept (a long user agent is cut); default 200.</summary>
    public int MaxClientChars { get; init; } = 200;

    /// <summary>Clients listed in the report, worst first (all are judged); default 100.</summary>
    public int ReportClients { get; init; } = 100;

    /// <summary>Confidence of the Wilson intervals: 0.95, 0.99 or 0.999; default 0.95.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>The share the limits apply to; default <see cref="AuditMeasure.Unknown"/>.</summary>
    public AuditMeasure Measure { get; init; } = AuditMeasure.Unknown;

    /// <summary>Upper limit of the share over all clients; default none.</summary>
    public double? MaxShare { get; init; }

    /// <summary>Upper limit of any one client's share; default none.</summary>
    public double? MaxClientShare { get; init; }

    /// <summary>Validated requests a client needs before its share is judged; default 1 (every client).</summary>
    public int MinClientSamples { get; init; } = 1;

    /// <summary>Seed of the request ids given to logged requests without a valid one (they decide enforcement buckets); default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The normal quantile of <see cref="Confidence"/>.</summary>
    public double Z => Proportions.Z(Confidence) ?? throw new ArgumentOutOfRangeException(nameof(Confidence), Confidence, "confidence must be 0.95, 0.99 or 0.999");
}
