using Scenarios.Engine;

namespace Scenarios.Tests;

public sealed class OpenScheduleTests
{
    [Fact]
    public void DueAt_ConstantRate_IsIndexOverRate()
    {
        Assert.Equal(0, OpenSchedule.DueAt(0, 100, 100, 10));
        Assert.Equal(0.5, OpenSchedule.DueAt(50, 100, 100, 10), 12);
        Assert.Equal(1000, OpenSchedule.Total(100, 100, 10));
    }

    [Fact]
    public void DueAt_Ramp_IsMonotoneAndEndsAtTheDuration()
    {
        var total = OpenSchedule.Total(0, 200, 10);
        Assert.Equal(1000, total);
        var previous = -1.0;
        for (long i = 0; i < total; i++)
        {
            var due = OpenSchedule.DueAt(i, 0, 200, 10);
            Assert.True(due > previous);
            previous = due;
        }

        Assert.InRange(previous, 9.9, 10.0);

        // Half the requests of a 0 -> 200/s ramp arrive in the last 29% of it: N(t) = 10 t², N = 500 at t = 7.07 s.
        Assert.Equal(Math.Sqrt(50), OpenSchedule.DueAt(500, 0, 200, 10), 9);
    }
}
