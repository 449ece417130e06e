using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Readiness;

/// <summary>The parameters of the <c>consumer-audit</c> gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record ConsumerAuditOptions
{
    /// <summary>An access log, relative to the plan; default none: the one given with --capture.</summary>
    [GateParameter("an access log (JSON lines or combined), relative to the plan; none: --capture")]
    public string? Capture { get; init; }

    /// <summary>The log's format; default json.</summary>
    [GateParameter("the log's format", Choices = ["json", "combined"])]
    public string Format { get; init; } = "json";

    /// <summary>What identifies a client: ip, ua or header:&lt;name&gt;; default ip.</summary>
    [GateParameter("what identifies a client: ip, ua or header:<name>")]
    public string Client { get; init; } = "ip";

    /// <summary>JSON field names, comma-separated key=name (as rehearse audit --field); default none.</summary>
    [GateParameter("JSON field names, comma-separated key=name (as rehearse audit --field)")]
    public string? Fields { get; init; }

    /// <summary>The share judged: unknown or would-reject; default unknown.</summary>
    [GateParameter("the share judged", Choices = ["unknown", "would-reject"])]
    public string Measure { get; init; } = "unknown";

    /// <summary>Upper limit of any one client's share; default 0.005 (0.5 %).</summary>
    [GateParameter("upper limit of any one client's share (a ratio)", Min = 0, Max = 1)]
    public double MaxClientShare { get; init; } = 0.005;

    /// <summary>Validated requests a client needs to be judged; default 1.</summary>
    [GateParameter("validated requests a client needs to be judged", Min = 1, Max = 10_000_000)]
    public int MinClientSamples { get; init; } = 1;

    /// <summary>Distinct clients tracked one by one; default 10,000.</summary>
    [GateParameter("distinct clients tracked one by one (later ones share a bucket)", Min = 1, Max = 1_000_000)]
    public int MaxClients { get; init; } = 10_000;

    /// <summary>Confidence of the Wilson intervals; default 0.95.</summary>
    [GateParameter("confidence of the Wilson intervals", Choices = ["0.95", "0.99", "0.999"])]
    public double Confidence { get; init; } = 0.95;

    /// <summary>Validated requests needed to judge the overall share; default 100.</summary>
    [GateParameter("validated requests needed to judge", Min = 1, Max = 10_000_000)]
    public int MinSamples { get; init; } = 100;
}
