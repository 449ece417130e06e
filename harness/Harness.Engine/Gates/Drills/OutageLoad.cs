using System.Collections.Concurrent;
using Harness.Engine.Requests;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// The open-model load of the dependency drills: generated stage requests sent at a fixed arrival rate
/// from the clock's zero whether or not earlier answers have come back, each timed from its own send and
/// kept with its answer's time, status and the start of its body (<see cref="OutageRequest"/>), read by
/// the drill as it comes (<see cref="IOutageReading"/>). Written here rather than on the load engine
/// because the drills need each request's own answer and body, which the load engine drains. It sends
/// through an <see cref="HttpMessageInvoker"/> like the load engine (a hot path), each request bounded by
/// <c>requestTimeout</c> when one is given (else by the invoker's own timeout, if any).
/// </summary>
internal sealed class OutageLoad(HttpMessageInvoker http, Uri baseAddress, DrillClock clock, TimeSpan? requestTimeout, IOutageReading reading)
{
    /// <summary>How much of a body (or a failure's message) a request keeps for evidence.</summary>
    public const int SnippetLength = 300;

    /// <summary>How late a send may be and still count as on schedule for <see cref="Late"/>.</summary>
    private const double LateSeconds = 0.1;

    private readonly ConcurrentQueue<OutageRequest> _answers = new();
    private int _late;

    /// <summary>Every request that has ended so far, in send order.</summary>
    public IReadOnlyList<OutageRequest> Answers => [.. _answers.OrderBy(a => a.Index)];

    /// <summary>Sends more than 100 ms behind schedule.</summary>
    public int Late => Volatile.Read(ref _late);

    /// <summary>
    /// Sends <paramref name="next"/>'s requests at <paramref name="rate"/> per second until <paramref name="stop"/>
    /// (or <paramref name="cancellationToken"/>), then waits for every request in flight.
    /// </summary>
    public async Task RunAsync(Func<StageRequest> next, StageRequestBuilder builder, ResourceIds ids, double rate, CancellationToken stop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var pending = new List<Task>();
        for (long i = 0; !stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested; i++)
        {
            var due = i / rate;
            var wait = due - clock.Seconds;
            if (wait > 0)
            {
                try
                {
                    await clock.DelayAsync(TimeSpan.FromSeconds(wait), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            else if (-wait > LateSeconds)
            {
                Interlocked.Increment(ref _late);
            }

            var request = next();
            // Stamped with its real send time when it goes out.
            var sent = reading.Sending(request, new OutageRequest(i, request.ToString(), request.Endpoint.ToString(), due, due));
            pending.Add(SendAsync(request, sent, builder, ids, cancellationToken));
            if (pending.Count >= 1024)
            {
                pending.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    /// <summary>The start of <paramref name="text"/>, for evidence.</summary>
    public static string Snippet(string text) => text.Length > SnippetLength ? text[..SnippetLength] + "..." : text;

    private async Task SendAsync(StageRequest request, OutageRequest scheduled, StageRequestBuilder builder, ResourceIds ids, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var sent = scheduled with { SentAt = clock.Seconds };
        using var message = builder.Build(request, ids);
        if (message is null)
        {
            _answers.Enqueue(sent with { Error = "not sent: no resource for its {id}" });
            return;
        }

        message.RequestUri = new Uri(baseAddress, message.RequestUri!);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (requestTimeout is { } timeout)
        {
            bound.CancelAfter(timeout);
        }

        OutageRequest ended;
        try
        {
            using var response = await http.SendAsync(message, bound.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(bound.Token).ConfigureAwait(false);
            var answered = sent with { AnsweredAt = clock.Seconds, Status = (int)response.StatusCode, Detail = Snippet(body) };
            ended = reading.Read(request, answered, response.Content.Headers.ContentType?.MediaType, body, null);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            ended = reading.Read(request, sent, null, "", e);
        }
        catch (HttpRequestException e)
        {
            ended = reading.Read(request, sent, null, "", e);
        }

        _answers.Enqueue(ended);
    }
}
