using System.Collections.Concurrent;
using System.Diagnostics;

namespace Harness.Engine.Gates.Drills;

/// <summary><c>GET /readyz</c> polled through the drill's window, each poll bounded by the request timeout.</summary>
internal sealed class ReadyPolls(HttpMessageInvoker http, Uri baseAddress, Stopwatch clock, TimeSpan requestTimeout)
{
    private readonly ConcurrentQueue<ReadyPoll> _polls = new();

    /// <summary>One poll: when it was sent, when answered, and whether the target said ready (2xx); not answered is not ready.</summary>
    public sealed record ReadyPoll(double SentAt, double AnsweredAt, int? Status)
    {
        /// <summary>Answered 2xx.</summary>
        public bool Ready => Status is >= 200 and < 300;
    }

    /// <summary>Every poll so far, in order.</summary>
    public IReadOnlyList<ReadyPoll> Polls => [.. _polls];

    /// <summary>Polls every <paramref name="interval"/> until <paramref name="stop"/>.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken stop, CancellationToken cancellationToken)
    {
        var uri = new Uri(baseAddress, "readyz");
        while (!stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var sentAt = clock.Elapsed.TotalSeconds;
            int? status = null;
            using (var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                bound.CancelAfter(requestTimeout);
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                    using var response = await http.SendAsync(request, bound.Token).ConfigureAwait(false);
                    status = (int)response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // No answer in time: not ready.
                }
            }

            _polls.Enqueue(new ReadyPoll(sentAt, clock.Elapsed.TotalSeconds, status));
            var wait = sentAt + interval.TotalSeconds - clock.Elapsed.TotalSeconds;
            if (wait > 0)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
