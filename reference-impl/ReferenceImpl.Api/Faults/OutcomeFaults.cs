using Prometheus;
using ReferenceImpl.Api.Metrics;
using ReferenceImpl.Api.Validation;
using StageContract.Modes;
using StageContract.Outcomes;

namespace ReferenceImpl.Api.Faults;

/// <summary>
/// The faults in what a request's stages lead to (contract section 4 and the labels of section 9):
/// shadow that rejects, enforce that warns, the deprecation set missing in warn or sent in off, raw
/// values as label values, unknown stages counted as ok. Without faults every method is the contract's.
/// </summary>
public sealed class OutcomeFaults
{
    private readonly FaultSet _faults;
    private readonly Counter? _rawValues;

    public OutcomeFaults(FaultSet faults, StageMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _faults = faults;
        if (faults.Has(Fault.RawStageLabel))
        {
            _rawValues = Prometheus.Metrics.WithCustomRegistry(metrics.Registry).CreateCounter(
                "stage_unknown_values_total", "Unknown stage values by value (unbounded on purpose: fault raw-stage-label).",
                new CounterConfiguration { LabelNames = ["endpoint", "stage"] });
        }
    }

    /// <summary>The result label of contract section 4, as the faulty service classifies.</summary>
    public ValidationResult Classify(EffectiveMode mode, bool anyUnknown, bool usedAlias)
    {
        var acted = mode switch
        {
            EffectiveMode.Shadow when _faults.Has(Fault.ShadowRejects) => EffectiveMode.Enforce,
            EffectiveMode.Enforce when _faults.Has(Fault.EnforceAsWarn) => EffectiveMode.Warn,
            _ => mode,
        };
        return OutcomeTable.Classify(acted, anyUnknown, usedAlias);
    }

    /// <summary>
    /// The <c>result</c> label a validation is counted under in <c>stage_validation_validations_total</c>:
    /// <paramref name="result"/>, or (under the fault) <c>ok</c> when a stage was unknown.
    /// </summary>
    public ValidationResult Counted(ValidationResult result, bool anyUnknown) =>
        anyUnknown && _faults.Has(Fault.UnknownNotCounted) ? ValidationResult.Ok : result;

    /// <summary>The result whose deprecation set is sent, or null when none is.</summary>
    public ValidationResult? Deprecation(ValidationResult result, string requestId)
    {
        if (result == ValidationResult.Pass && _faults.Has(Fault.DeprecationSetInOff))
        {
            return ValidationResult.Warn;
        }

        if (result == ValidationResult.Warn && _faults.Has(Fault.DeprecationSetGaps) && FaultSampling.Hits(Fault.DeprecationSetGaps, requestId))
        {
            return null;
        }

        return result.EmitsDeprecation() ? result : null;
    }

    /// <summary>Records the unknown raw values of a request as label values (only under the fault).</summary>
    public void Unknown(StageRequest request, IReadOnlyList<string> rawValues)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rawValues);
        foreach (var raw in rawValues)
        {
            _rawValues?.WithLabels(request.Endpoint, raw).Inc();
        }
    }
}
