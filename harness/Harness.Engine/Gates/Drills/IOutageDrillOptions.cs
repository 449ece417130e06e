using Harness.Engine.Targets;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// What the options of every dependency outage drill say, whatever each calls and bounds its parameters
/// (the parameter names, defaults, ranges and texts stay each kind's own: they are its documented
/// interface): how and how long the dependency is taken away, and the open-model load around it.
/// </summary>
public interface IOutageDrillOptions
{
    /// <summary>How the dependency is taken away: <c>pause</c> or <c>stop</c>.</summary>
    string Outage { get; }

    /// <summary>Seconds the dependency stays away.</summary>
    double OutageSeconds { get; }

    /// <summary>Arrival rate of the open-model load of stage requests, requests per second.</summary>
    double Rate { get; }

    /// <summary>Seconds of load before the outage.</summary>
    double BeforeSeconds { get; }

    /// <summary>Seconds of load after recovery.</summary>
    double AfterSeconds { get; }

    /// <summary>How long a stage request may take to be answered.</summary>
    TimeSpan RequestTimeout { get; }

    /// <summary>The outage as the dependency control takes it.</summary>
    Outage How { get; }

    /// <summary>The outage named by <paramref name="outage"/> (<c>stop</c> or <c>pause</c>, as the options' choices allow).</summary>
    static Outage Parse(string outage) => outage == "stop" ? Targets.Outage.Stop : Targets.Outage.Pause;
}
