using System.Collections.Concurrent;
using Flurl.Http;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// <c>GET /readyz</c> of the target through the harness's client of the non-hot paths (a probe, not load),
/// one poll at a time or polled through a drill's window, each poll bounded by <c>timeout</c>.
/// </summary>
internal sealed class ReadyPoller(IFlurlClient client, DrillClock clock, TimeSpan timeout)
{
    private readonly ConcurrentQueue<ReadyPoll> _polls = new();

    /// <summary>Every poll of <see cref="RunAsync"/> so far, in order.</summary>
    public IReadOnlyList<ReadyPoll> Polls => [.. _polls];

    /// <summary>One poll; no answer in time or no connection is a poll with no status.</summary>
    public async Task<ReadyPoll> PollAsync(CancellationToken cancellationToken)
    {
        var sentAt = clock.Seconds;
        int? status = null;
        try
        {
            using var response = await client.Request("readyz").AllowAnyHttpStatus().WithTimeout(timeout)
                .GetAsync(HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
        }
        catch (FlurlHttpException e)
        {
            // Flurl reports a cancelled call as a failed one: the caller's cancellation stays a cancellation.
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("the /readyz poll was stopped", e, cancellationToken);
            }

            // Otherwise no answer in time (FlurlHttpTimeoutException) or no connection: not ready.
        }

        return new ReadyPoll(sentAt, clock.Seconds, status);
    }

    /// <summary>Polls every <paramref name="interval"/> (from each poll's send) until <paramref name="stop"/>, keeping every poll.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken stop, CancellationToken cancellationToken)
    {
        while (!stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var poll = await PollAsync(cancellationToken).ConfigureAwait(false);
            _polls.Enqueue(poll);
            var wait = poll.SentAt + interval.TotalSeconds - clock.Seconds;
            if (wait > 0)
            {
                try
                {
                    await clock.DelayAsync(TimeSpan.FromSeconds(wait), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
