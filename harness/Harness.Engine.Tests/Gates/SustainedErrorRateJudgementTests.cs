using Harness.Engine.Gates;
using Harness.Engine.Gates.Load;
using Harness.Engine.Plans;
using Scenarios.Results;
using Harness.Engine.Gates.Statistics;

namespace Harness.Engine.Tests.Gates;

/// <summary>
/// The sustained error rate's rule on fixed step results: the target's own wrong answers decide a
/// Fail whatever the harness did, and a Pass needs the planned load to have been offered.
/// </summary>
public sealed class SustainedErrorRateJudgementTests
{
    private static readonly Threshold Limit = Threshold.Parse("< 0.5%");
    private static readonly double Z = Proportions.Z(0.95)!.Value;

    [Fact]
    public void Judge_HarnessFellFarBehind_TargetAnsweredWrongly_IsFail()
    {
        var step = Step(completed: 4_500, wrong: 3_000, late: 4_000, sendSeconds: 40);
        var judged = SustainedErrorRateGate.Judge(step, 300, Limit, Z);
        Assert.Equal(GateStatus.Fail, judged.Status);
    }

    [Fact]
    public void Judge_HarnessOfferedTooLittle_NoWrongAnswers_IsInconclusiveAndSaysWhy()
    {
        var step = Step(completed: 4_500, wrong: 0, late: 4_000, sendSeconds: 20);
        var judged = SustainedErrorRateGate.Judge(step, 300, Limit, Z);
        Assert.Equal(GateStatus.Inconclusive, judged.Status);
        Assert.Contains("offered only 75% of the planned rate", judged.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_LateSendsButTheRateWasOffered_NoErrors_IsPass()
    {
        var step = Step(completed: 4_500, wrong: 0, late: 900, sendSeconds: 15.4);
        Assert.Equal(GateStatus.Pass, SustainedErrorRateGate.Judge(step, 300, Limit, Z).Status);
    }

    [Fact]
    public void Judge_DroppedSendsAboveTheLimit_AtTheFullRate_IsFail()
    {
        var step = Step(completed: 4_000, wrong: 0, late: 0, sendSeconds: 15, dropped: 500);
        Assert.Equal(GateStatus.Fail, SustainedErrorRateGate.Judge(step, 300, Limit, Z).Status);
    }

    [Fact]
    public void Judge_NothingAnswered_IsUnreachable()
    {
        var step = Step(completed: 0, wrong: 0, late: 0, sendSeconds: 15, transport: 4_500);
        Assert.True(SustainedErrorRateGate.Judge(step, 300, Limit, Z).Unreachable);
    }

    [Fact]
    public void Judge_WrongAnswersOfTwoKinds_CountsBothAndNamesThemInTheReason()
    {
        var step = Step(completed: 4_500, wrong: 90, late: 0, sendSeconds: 15);
        var judged = SustainedErrorRateGate.Judge(step, 300, Limit, Z);
        Assert.Equal(GateStatus.Fail, judged.Status);
        Assert.Contains("90 wrong statuses: 60 x 503 for 201 on POST /api/x; 30 x 200 for 422 on GET /api/y", judged.Reason, StringComparison.Ordinal);
    }

    private static StepResult Step(long completed, long wrong, long late, double sendSeconds, long dropped = 0, long transport = 0) => new()
    {
        Name = "steady",
        Model = "open 300/s",
        TargetRate = 300,
        DurationSeconds = 15,
        SendSeconds = sendSeconds,
        Sent = completed + transport,
        Completed = completed,
        Late = late,
        Dropped = dropped,
        TransportErrors = transport,
        Classes = new SortedDictionary<string, long>(StringComparer.Ordinal) 
        {
            [OpenLoad.ErrorClass(503, 201, "POST /api/x")] = wrong - (wrong / 3),
            [OpenLoad.ErrorClass(200, 422, "GET /api/y")] = wrong / 3,
            [OpenLoad.Conforming] = completed - wrong,
        },
    };
}
