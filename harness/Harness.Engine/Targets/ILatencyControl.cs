namespace Harness.Engine.Targets;

/// <summary>
/// What the harness can do to slow the target's calls to its Redis and Postgres, for the latency drill
/// (seed 003: "+200 ms latency"): the embedded reference in-process (Polly's chaos latency strategy at
/// its store calls), a URL target by a command the rehearsal names (<c>--latency-command</c>, such as
/// <c>tc netem</c> in the dependency's container). Network emulation by the harness itself is not
/// here: <c>tc netem</c> needs the kernel's <c>sch_netem</c>, which this project's CI machines lack.
/// </summary>
public interface ILatencyControl
{
    /// <summary>What slowing <paramref name="dependency"/> means here, for the report; null when it cannot be slowed.</summary>
    string? Describe(Dependency dependency);

    /// <summary>Makes every call to <paramref name="dependency"/> take <paramref name="added"/> longer; <see cref="TimeSpan.Zero"/> restores it.</summary>
    Task SetAsync(Dependency dependency, TimeSpan added, CancellationToken cancellationToken);
}
