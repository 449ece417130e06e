using System.Diagnostics.CodeAnalysis;

namespace Harness.Engine.Targets;

/// <summary>The outcome of reading a target's self-description.</summary>
/// <param name="Description">The description; null when it could not be read.</param>
/// <param name="Error">Why not, in one line; null on success.</param>
/// <param name="Unreachable">True when no HTTP answer came at all (connection refused, DNS, timeout).</param>
public sealed record TargetRead(TargetDescription? Description, string? Error, bool Unreachable)
{
    /// <summary>True when <see cref="Description"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Description))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Description is not null;
}
