using System.Diagnostics.CodeAnalysis;

namespace Harness.Engine.Targets;

/// <summary>The outcome of reading a target's self-report.</summary>
/// <param name="Report">What it says; null when nothing could be read.</param>
/// <param name="Error">Why not, in one line; null on success.</param>
/// <param name="Unreachable">True when no HTTP answer came at all (connection refused, DNS, timeout).</param>
public sealed record TargetRead(SelfReport? Report, string? Error, bool Unreachable)
{
    /// <summary>True when <see cref="Report"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Report))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Report is not null;
}
