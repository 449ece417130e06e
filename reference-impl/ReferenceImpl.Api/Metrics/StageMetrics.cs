using Prometheus;
using ReferenceImpl.Api.Profiles;
using StageContract.Modes;

namespace ReferenceImpl.Api.Metrics;

/// <summary>
/// The metrics of contract section 9, on a registry of this service instance's own (several
/// instances can run in one process, as the tests and the harness do). Every label value is from
/// a closed set; raw stage values never become labels.
/// </summary>
public sealed class StageMetrics
{
    private readonly Counter _validations;
    private readonly Counter _errors;
    private readonly Histogram _duration;
    private readonly Counter _deprecationHeaders;
    private readonly Counter _warnUnknown;
    private readonly Counter _enforceRejects;
    private readonly Counter _redisErrors;
    private readonly Gauge _mode;
    private readonly Counter _requests;
    private readonly MetricLabelStyle _labels;

    public StageMetrics()
        : this(ServiceProfile.Default)
    {
    }

    public StageMetrics(ServiceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _labels = new MetricLabelStyle(profile);
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _validations = factory.CreateCounter("stage_validation_validations_total", "Stage validations by outcome.",
            new CounterConfiguration { LabelNames = ["endpoint", "mode", "input_type", "result"] });
        _errors = factory.CreateCounter("stage_validation_errors_total", "Requests answered with a validation error, by code.",
            new CounterConfiguration { LabelNames = ["endpoint", "mode", "error_code"] });
        _duration = factory.CreateHistogram("stage_validation_duration_seconds", "Time spent normalizing and validating stages.",
            new HistogramConfiguration { LabelNames = ["endpoint", "mode", "input_type", "cardinality"], Buckets = [.. profile.DurationBuckets] });
        _deprecationHeaders = factory.CreateCounter("stage_deprecation_header_emitted_total", "Responses that carried the deprecation header set.",
            new CounterConfiguration { LabelNames = ["endpoint", "mode", "input_type"] });
        _warnUnknown = factory.CreateCounter("stage_warn_unknown_total", "Requests served with an unknown stage (warn or shadow).",
            new CounterConfiguration { LabelNames = ["endpoint"] });
        _enforceRejects = factory.CreateCounter("stage_enforce_rejects_total", "Requests rejected for an unknown stage.",
            new CounterConfiguration { LabelNames = ["endpoint"] });
        _redisErrors = factory.CreateCounter("stage_mode_redis_errors_total", "Failed or timed-out mode store calls.",
            new CounterConfiguration { LabelNames = ["operation"] });
        _mode = factory.CreateGauge("stage_validation_mode", "Global mode: 0 off, 1 warn, 2 enforce.");
        _requests = factory.CreateCounter("http_requests_total", "HTTP requests by route template, method and status class.",
            new CounterConfiguration { LabelNames = ["endpoint", "method", "status_class"] });

        // The mode store's error series exist at 0 from the start: an alert on their rate
        // (observability/rules) sees "no errors", never "no series".
        _redisErrors.WithLabels(_labels.Operation("read"));
        _redisErrors.WithLabels(_labels.Operation("write"));

        // Process metrics for the memory rollback trigger (seed 004: memory above 2x baseline):
        // the standard .NET set (process_working_set_bytes, ...) and the resident set size under the
        // name other Prometheus client libraries give it, so one rule serves every stack.
        DotNetStats.Register(Registry);
        var resident = factory.CreateGauge("process_resident_memory_bytes", "Resident memory size in bytes.");
        Registry.AddBeforeCollectCallback(() => resident.Set(Environment.WorkingSet));
    }

    /// <summary>The registry <c>/metrics</c> serves.</summary>
    public CollectorRegistry Registry { get; }

    public void Validation(string endpoint, string mode, string inputType, string result, int cardinality, double seconds)
    {
        _validations.WithLabels(_labels.Endpoint(endpoint), mode, inputType, result).Inc();
        _duration.WithLabels(_labels.Endpoint(endpoint), mode, inputType, CardinalityLabel(cardinality)).Observe(seconds);
    }

    public void Error(string endpoint, string mode, string errorCode) => _errors.WithLabels(_labels.Endpoint(endpoint), mode, errorCode).Inc();

    public void DeprecationHeaderEmitted(string endpoint, string mode, string inputType) =>
        _deprecationHeaders.WithLabels(_labels.Endpoint(endpoint), mode, inputType).Inc();

    public void WarnUnknown(string endpoint) => _warnUnknown.WithLabels(_labels.Endpoint(endpoint)).Inc();

    public void EnforceReject(string endpoint) => _enforceRejects.WithLabels(_labels.Endpoint(endpoint)).Inc();

    public void ModeStoreError(string operation) => _redisErrors.WithLabels(_labels.Operation(operation)).Inc();

    public void SetModeGauge(ValidationMode mode) => _mode.Set((int)mode);

    public void Request(string endpoint, string method, int status) =>
        _requests.WithLabels(_labels.Endpoint(endpoint), MethodLabel(method), StatusClass(status)).Inc();

    /// <summary>{1, 2-5, 6-10, 11+}.</summary>
    public static string CardinalityLabel(int entries) => entries switch
    {
        <= 1 => "1",
        <= 5 => "2-5",
        <= 10 => "6-10",
        _ => "11+",
    };

    private static string MethodLabel(string method) => method switch
    {
        "GET" or "POST" or "PUT" or "PATCH" or "DELETE" or "HEAD" or "OPTIONS" => method,
        _ => "OTHER",
    };

    private static string StatusClass(int status) => status switch
    {
        >= 100 and < 200 => "1xx",
        < 300 => "2xx",
        < 400 => "3xx",
        < 500 => "4xx",
        _ => "5xx",
    };
}
