namespace Harness.Engine.Targets;

/// <summary>A store the target depends on, which the chaos-lite drills take away for a while.</summary>
public enum Dependency
{
    /// <summary>The mode store (contract section 7).</summary>
    Redis,

    /// <summary>The database the write endpoints persist to (sections 6 and 10).</summary>
    Postgres,
}

/// <summary>How a dependency is taken away.</summary>
public enum Outage
{
    /// <summary>Frozen (<c>docker pause</c>): connections stay open and nothing answers, so only timeouts help.</summary>
    Pause,

    /// <summary>Gone (<c>docker stop</c>, then <c>docker start</c>): connections are refused or reset.</summary>
    Stop,
}

/// <summary>
/// What the harness can do to the target's dependencies, for the drills: take one away and bring it
/// back. The embedded target's containers are always controlled; a URL
/// target's only when the rehearsal names them (<c>--redis-container</c>, <c>--postgres-container</c>).
/// Implementations use well-kept tools (Docker), never socket tricks of their own. Added latency is
/// not here: <c>tc netem</c> needs the kernel's <c>sch_netem</c>, which this project's CI machines lack.
/// </summary>
public interface IDependencyControl
{
    /// <summary>What acting on <paramref name="dependency"/> means here, for the report (such as <c>container rehearse-redis (docker)</c>); null when it is not controlled.</summary>
    string? Describe(Dependency dependency);

    /// <summary>Takes <paramref name="dependency"/> away as <paramref name="how"/> says.</summary>
    Task BreakAsync(Dependency dependency, Outage how, CancellationToken cancellationToken);

    /// <summary>Brings <paramref name="dependency"/> back after <see cref="BreakAsync"/> (unpause, or start).</summary>
    Task RepairAsync(Dependency dependency, Outage how, CancellationToken cancellationToken);
}
