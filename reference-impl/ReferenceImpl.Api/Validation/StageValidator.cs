using Microsoft.AspNetCore.Http.HttpResults;
using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Metrics;
using ReferenceImpl.Api.Problems;
using ReferenceImpl.Api.Profiles;
using StageContract;
using StageContract.Distributions;
using StageContract.Endpoints;
using StageContract.Modes;
using StageContract.Normalization;
using StageContract.Outcomes;
using StageContract.Problems;

namespace ReferenceImpl.Api.Validation;

/// <summary>
/// Applies contract sections 2, 4 and 5 to one request in its effective mode: payload rules first
/// (VALIDATION_ERROR, INVALID_STAGE_WEIGHTS, in every mode), then the stage decision (reject in
/// enforce; otherwise serve, with the deprecation set in warn and shadow), then NO_KNOWN_STAGES.
/// Records the metrics of section 9 and logs offenders.
/// </summary>
public sealed class StageValidator
{
    private readonly ContractRules _rules;
    private readonly StageMetrics _metrics;
    private readonly OffenderLog _offenders;
    private readonly TimeProvider _time;
    private readonly DeprecationHeaderWriter _headers;
    private readonly StageInputFaults _inputFaults;
    private readonly OutcomeFaults _outcomeFaults;

    public StageValidator(ContractRules rules, StageMetrics metrics, OffenderLog offenders, TimeProvider time,
        DeprecationHeaderWriter headers, StageInputFaults inputFaults, OutcomeFaults outcomeFaults)
    {
        _headers = headers;
        _inputFaults = inputFaults;
        _outcomeFaults = outcomeFaults;
        _rules = rules;
        _metrics = metrics;
        _offenders = offenders;
        _time = time;
    }

    /// <summary>Validates a distribution; <paramref name="weightPath"/> names entry i's weight in errors.</summary>
    public DistributionCheck Distribution(HttpContext context, IReadOnlyList<WeightedStage> entries, StageInputType inputType, Func<int, string> weightPath)
    {
        ArgumentNullException.ThrowIfNull(weightPath);
        var request = StageRequest.Of(context);
        var start = _time.GetTimestamp();
        var evaluated = _inputFaults.Evaluate(entries, inputType);
        var elapsed = _time.GetElapsedTime(start).TotalSeconds;
        switch (evaluated.Status)
        {
            case DistributionStatus.Empty:
                return Failed(PayloadProblem(context, request, [new FieldError(weightPath(-1), "must hold at least one entry")], ProblemCodes.ValidationError));
            case DistributionStatus.InvalidWeight:
                return Failed(PayloadProblem(context, request, [.. evaluated.Errors.Select(e => new FieldError(weightPath(e.Index), e.Message))], ProblemCodes.ValidationError));
            case DistributionStatus.SumOutOfTolerance:
                return Failed(PayloadProblem(context, request,
                    [new FieldError(weightPath(-1), FormattableString.Invariant($"weights must sum to 1 within {_rules.Data.SumTolerance:R}, got {evaluated.Summary.Sum:R}"))],
                    ProblemCodes.InvalidStageWeights));
        }

        var check = Conclude(context, request, inputType, evaluated.Entries, evaluated.Summary.UsedAlias, elapsed);
        if (check.Problem is null && evaluated.Status == DistributionStatus.NoKnownStages)
        {
            _metrics.Error(request.Endpoint, request.Mode.ToWire(), ProblemCodes.NoKnownStages);
            check = check with
            {
                Problem = Problem.Create(context, StatusCodes.Status422UnprocessableEntity, ProblemCodes.NoKnownStages,
                    "No known stage left", "every weighted entry has an unknown stage, so nothing can be computed",
                    [new("invalid", Distinct(evaluated.Unknowns)), new("validStages", _rules.Data.Stages)]),
            };
        }

        return new DistributionCheck(check, evaluated.Merged);

        DistributionCheck Failed(ProblemHttpResult problem) => new(new StageCheck(problem, ValidationResult.Reject, evaluated.Entries), []);
    }

    /// <summary>Validates scalar stage values (allocation items, query values).</summary>
    public StageCheck Scalars(HttpContext context, IReadOnlyList<RawStage> stages, StageInputType inputType)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var request = StageRequest.Of(context);
        var start = _time.GetTimestamp();
        stages = _inputFaults.Read(stages, inputType);
        var normalized = new NormalizedStage[stages.Count];
        var usedAlias = false;
        for (var i = 0; i < stages.Count; i++)
        {
            normalized[i] = _rules.Normalizer.Normalize(stages[i]);
            usedAlias |= normalized[i].Kind == StageKind.Alias;
        }

        return Conclude(context, request, inputType, normalized, usedAlias, _time.GetElapsedTime(start).TotalSeconds);
    }

    /// <summary>A payload error found by the endpoint's own parsing (records the metric).</summary>
    public ProblemHttpResult PayloadProblem(HttpContext context, IReadOnlyList<FieldError> errors, string code = ProblemCodes.ValidationError) =>
        PayloadProblem(context, StageRequest.Of(context), errors, code);

    private ProblemHttpResult PayloadProblem(HttpContext context, StageRequest request, IReadOnlyList<FieldError> errors, string code)
    {
        _metrics.Error(request.Endpoint, request.Mode.ToWire(), code);
        return Problem.Validation(context, errors, code);
    }

    private StageCheck Conclude(HttpContext context, StageRequest request, StageInputType inputType, IReadOnlyList<NormalizedStage> stages, bool usedAlias, double seconds)
    {
        var unknowns = stages.Where(s => !s.IsKnown).ToList();
        var result = _outcomeFaults.Classify(request.Mode, unknowns.Count > 0, usedAlias);
        var mode = request.Mode.ToWire();
        var input = inputType.ToLabel();
        _metrics.Validation(request.Endpoint, mode, input, _outcomeFaults.Counted(result, unknowns.Count > 0).ToLabel(), stages.Count, seconds);
        if (unknowns.Count == 0)
        {
            return new StageCheck(null, result, stages);
        }

        var distinct = unknowns.DistinctBy(u => u.Raw.Display, StringComparer.Ordinal).ToList();
        var invalid = distinct.ConvertAll(u => u.Raw.Display);
        _offenders.Offenders(request, invalid);
        _outcomeFaults.Unknown(request, invalid);
        if (_outcomeFaults.Deprecation(result, request.RequestId) is { } sent)
        {
            _headers.Write(context.Response, sent, invalid);

            _metrics.DeprecationHeaderEmitted(request.Endpoint, mode, input);
            _metrics.WarnUnknown(request.Endpoint);
        }

        if (!result.Rejects())
        {
            return new StageCheck(null, result, stages);
        }

        var rejection = StageRejection.For(inputType);
        _metrics.EnforceReject(request.Endpoint);
        _metrics.Error(request.Endpoint, mode, rejection.Code);
        var suggestions = distinct.ConvertAll(u => new StageSuggestion(u.Raw.Display, _rules.Suggester.Suggest(u.Raw)));
        var problem = Problem.Create(context, rejection.Status, rejection.Code, "Unknown investment stage",
            "stage values must be one of the valid stages; see the docs for accepted spellings",
            [new("invalid", invalid), new("suggestions", suggestions), new("validStages", _rules.Data.Stages)]);
        return new StageCheck(problem, result, stages);
    }

    private static List<string> Distinct(IEnumerable<NormalizedStage> unknowns) =>
        [.. unknowns.Select(u => u.Raw.Display).Distinct(StringComparer.Ordinal)];
}
