using System.Text;
using StageContract.Headers;

namespace ReferenceImpl.Api.Validation;

/// <summary>
/// Structured logs of offending raw stage values (never metric labels): every one while fewer
/// than 10 were logged in the current minute, then a sampled share. Values are percent-encoded
/// and cut, so input cannot forge log lines.
/// </summary>
public sealed class OffenderLog
{
    private const int FreePerMinute = 10;
    private readonly ILogger<OffenderLog> _logger;
    private readonly TimeProvider _time;
    private readonly double _sampleRate;
    private readonly Random _random;
    private readonly Lock _lock = new();
    private long _minute = -1;
    private int _countThisMinute;

    public OffenderLog(ILogger<OffenderLog> logger, TimeProvider time, double sampleRate, int seed)
    {
        _logger = logger;
        _time = time;
        _sampleRate = sampleRate;
        _random = new Random(seed);
    }

    /// <summary>Logs (or samples away) the unknown values of one request.</summary>
    public void Offenders(StageRequest request, IEnumerable<string> rawValues)
    {
        ArgumentNullException.ThrowIfNull(request);
        bool log;
        lock (_lock)
        {
            var minute = _time.GetUtcNow().ToUnixTimeSeconds() / 60;
            if (minute != _minute)
            {
                _minute = minute;
                _countThisMinute = 0;
            }

            log = _countThisMinute < FreePerMinute || _random.NextDouble() < _sampleRate;
            _countThisMinute++;
        }

        if (!log)
        {
            return;
        }

        var values = new StringBuilder();
        foreach (var raw in rawValues.Take(10))
        {
            if (values.Length > 0)
            {
                values.Append(',');
            }

            DeprecationHeaders.AppendEncoded(values, raw, 64);
        }

        _logger.LogInformation("unknown stage values {Values} on {Endpoint} in {Mode} (request {RequestId})",
            values.ToString(), request.Endpoint, request.Mode, request.RequestId);
    }
}
