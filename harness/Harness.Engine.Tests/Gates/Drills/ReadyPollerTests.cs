using Flurl.Http;
using Flurl.Http.Testing;
using Harness.Engine.Gates.Drills;
using Harness.Engine.Targets;

namespace Harness.Engine.Tests.Gates.Drills;

/// <summary>
/// The drills' <c>/readyz</c> poll through the Flurl client (<see cref="HttpTest"/> in place of a target): a status is
/// kept as it is, no answer in time and no connection are a poll without a status (not ready), and the caller's
/// stop stays a cancellation, which the drills' pollers end on (Flurl reports a cancelled call as a failed one).
/// </summary>
public sealed class ReadyPollerTests
{
    private static IFlurlClient Client() => TargetClient.Over(new HttpClient { BaseAddress = new Uri("http://target.test/"), Timeout = TimeSpan.FromSeconds(30) });

    private static ReadyPoller Poller() => new(Client(), new DrillClock(TimeProvider.System), TimeSpan.FromSeconds(2));

    [Theory]
    [InlineData(200)]
    [InlineData(503)]
    public async Task Answered_KeepsTheStatus(int status)
    {
        using var http = new HttpTest();
        http.RespondWith("{}", status);
        var poll = await Poller().PollAsync(CancellationToken.None);
        Assert.Equal(status, poll.Status);
        Assert.Equal(status == 200, poll.Ready);
        http.ShouldHaveCalled("http://target.test/readyz").WithVerb(HttpMethod.Get);
    }

    [Fact]
    public async Task NoAnswerInTime_IsAPollWithoutStatus()
    {
        using var http = new HttpTest();
        http.SimulateTimeout();
        var poll = await Poller().PollAsync(CancellationToken.None);
        Assert.Null(poll.Status);
        Assert.False(poll.Ready);
    }

    [Fact]
    public async Task NoConnection_IsAPollWithoutStatus()
    {
        using var http = new HttpTest();
        http.SimulateException(new HttpRequestException("Connection refused (target.test:80)"));
        Assert.Null((await Poller().PollAsync(CancellationToken.None)).Status);
    }

    [Fact]
    public async Task StoppedByTheCaller_IsACancellation()
    {
        // The stop arrives while the call is in flight: the call ends cancelled, which Flurl wraps as a failed call.
        using var http = new HttpTest();
        http.SimulateException(new TaskCanceledException("The operation was canceled."));
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Poller().PollAsync(stop.Token));
    }
}
