namespace Harness.Engine.Gates.Drills;

/// <summary>
/// The clock of a dependency drill: time since the drill started, and waits, on an injected
/// <see cref="TimeProvider"/>. The drills give it the system clock, since their load, the target and
/// the dependency run on real time whatever clock the rehearsal was given.
/// </summary>
public sealed class DrillClock
{
    private readonly TimeProvider _time;
    private readonly long _start;

    /// <summary>A clock started now on <paramref name="time"/>.</summary>
    public DrillClock(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _start = time.GetTimestamp();
    }

    /// <summary>Time since the start.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_start);

    /// <summary>Seconds since the start.</summary>
    public double Seconds => Elapsed.TotalSeconds;

    /// <summary>Waits <paramref name="delay"/> on this clock.</summary>
    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, _time, cancellationToken);
}
