using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Harness.Engine.Requests;
using StageContract.Endpoints;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// The steady open-model mix of the outage drill: valid stage requests at a fixed arrival rate, a
/// share of them persisted writes, each bounded by the request timeout (an unanswered request is a
/// hang, never waited for). Written here rather than on the load engine because the drill needs each
/// answer's body (the write's id and echo for the ledger, the problem body of a 503) and a per-request
/// bound, which the load engine drains and leaves to the step. It sends through an
/// <see cref="HttpMessageInvoker"/> like the load engine (a hot path, with no client-wide timeout).
/// </summary>
internal sealed class OutageTraffic(HttpMessageInvoker http, Uri baseAddress, Stopwatch clock, TimeSpan requestTimeout)
{
    private const int SnippetLength = 300;
    private readonly ConcurrentQueue<OutageAnswer> _answers = new();
    private int _late;
    private long _sent;

    /// <summary>Every answer so far.</summary>
    public IReadOnlyList<OutageAnswer> Answers => [.. _answers.OrderBy(a => a.Index)];

    /// <summary>Sends more than 100 ms behind schedule.</summary>
    public int Late => Volatile.Read(ref _late);

    /// <summary>Requests sent.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Sends at <paramref name="rate"/> per second until <paramref name="stop"/>, then waits for every request in flight (each bounded by the timeout).</summary>
    public async Task RunAsync(Func<StageRequest> next, StageRequestBuilder builder, ResourceIds ids, Func<StageEndpoint, string?> readBack, AcknowledgedWrites ledger,
        double rate, CancellationToken stop, CancellationToken cancellationToken)
    {
        var pending = new List<Task>();
        var start = clock.Elapsed.TotalSeconds;
        for (long i = 0; !stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested; i++)
        {
            var due = start + (i / rate);
            var wait = due - clock.Elapsed.TotalSeconds;
            if (wait > 0)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            else if (-wait > 0.1)
            {
                Interlocked.Increment(ref _late);
            }

            var request = next();
            pending.Add(SendAsync(i, request, builder, ids, readBack(request.Endpoint), ledger, cancellationToken));
            if (pending.Count >= 1024)
            {
                pending.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    private async Task SendAsync(long index, StageRequest request, StageRequestBuilder builder, ResourceIds ids, string? readBack, AcknowledgedWrites ledger, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Interlocked.Increment(ref _sent);
        var sentAt = clock.Elapsed.TotalSeconds;
        var isWrite = readBack is not null;
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(requestTimeout);
        try
        {
            using var message = builder.Build(request, ids)!;
            message.RequestUri = new Uri(baseAddress, message.RequestUri!);
            using var response = await http.SendAsync(message, bound.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(bound.Token).ConfigureAwait(false);
            var answeredAt = clock.Elapsed.TotalSeconds;
            var status = (int)response.StatusCode;
            var unclean = Unclean(status, response.Content.Headers.ContentType?.MediaType, body);
            if (unclean is null && isWrite && status is >= 200 and < 300 && ledger.Record(readBack!, body, sentAt, request.RequestId) is { } notALedgerEntry)
            {
                unclean = $"{status} {notALedgerEntry}";
            }

            _answers.Enqueue(new OutageAnswer(index, request.ToString(), isWrite, sentAt, answeredAt, status, unclean, Snippet(body)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _answers.Enqueue(new OutageAnswer(index, request.ToString(), isWrite, sentAt, null, null,
                string.Create(CultureInfo.InvariantCulture, $"hang (no answer within {requestTimeout.TotalSeconds:0.###}s)"), ""));
        }
        catch (HttpRequestException e)
        {
            _answers.Enqueue(new OutageAnswer(index, request.ToString(), isWrite, sentAt, null, null, "transport error", Snippet(e.Message)));
        }
    }

    /// <summary>Null when the answer is a 2xx or a clean 503 (problem+json with status 503); else what is wrong with it.</summary>
    internal static string? Unclean(int status, string? mediaType, string body)
    {
        if (status is >= 200 and < 300)
        {
            return null;
        }

        if (status != 503)
        {
            return status.ToString(CultureInfo.InvariantCulture);
        }

        if (!string.Equals(mediaType, "application/problem+json", StringComparison.OrdinalIgnoreCase))
        {
            return $"503 as {mediaType ?? "no content type"}, not application/problem+json";
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("status", out var s)
                   && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) && n == 503
                ? null
                : "503 problem without status 503 in its body";
        }
        catch (JsonException)
        {
            return "503 problem+json that is not JSON";
        }
    }

    internal static string Snippet(string text) => text.Length > SnippetLength ? text[..SnippetLength] + "..." : text;
}
