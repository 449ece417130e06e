namespace Scenarios.Engine;

/// <summary>
/// When request <c>i</c> of an open-model step is due: the arrival count of a linear ramp from
/// r0 to r1 over D seconds is N(t) = r0 t + (r1 - r0) t² / 2D, so request i is due at the t
/// where N(t) = i.
/// </summary>
public static class OpenSchedule
{
    /// <summary>Seconds after the step's start at which request <paramref name="index"/> (0-based) is due.</summary>
    public static double DueAt(long index, double startRate, double endRate, double durationSeconds)
    {
        if (index <= 0)
        {
            return 0;
        }

        var slope = (endRate - startRate) / durationSeconds;
        if (Math.Abs(slope) < 1e-12)
        {
            return index / startRate;
        }

        // Solve slope/2 t² + r0 t - i = 0 for the positive root, written to stay exact when r0 is 0.
        return 2 * index / (startRate + Math.Sqrt((startRate * startRate) + (2 * slope * index)));
    }

    /// <summary>Requests a step sends in total: N(D).</summary>
    public static long Total(double startRate, double endRate, double durationSeconds) =>
        (long)Math.Floor((startRate + endRate) / 2 * durationSeconds);
}
