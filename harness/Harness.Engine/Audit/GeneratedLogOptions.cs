namespace Harness.Engine.Audit;

/// <summary>What <see cref="AccessLogGenerator"/> writes.</summary>
public sealed record GeneratedLogOptions
{
    /// <summary>Lines to write; default 10,000.</summary>
    public long Lines { get; init; } = 10_000;

    /// <summary>Seed of every choice; default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Log format; default combined.</summary>
    public AccessLogFormat Format { get; init; } = AccessLogFormat.Combined;

    /// <summary>Distinct well-behaved client addresses (at most 62,500); default 40.</summary>
    public int Clients { get; init; } = 40;

    /// <summary>The offending client's address; default <c>203.0.113.66</c>.</summary>
    public string Offender { get; init; } = "203.0.113.66";

    /// <summary>Share of lines sent by the offender; default 0.05.</summary>
    public double OffenderShare { get; init; } = 0.05;

    /// <summary>Share of the offender's stage requests with an unknown stage; default 0.3.</summary>
    public double OffenderUnknownShare { get; init; } = 0.3;

    /// <summary>Every n-th line is malformed; 0 for none (the default).</summary>
    public int MalformedEvery { get; init; }
}
