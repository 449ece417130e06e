using GoldenPayloads.Corpus;
using StageContract;
using StageContract.Distributions;
using StageContract.Endpoints;
using StageContract.Modes;
using StageContract.Normalization;
using StageContract.Outcomes;
using StageContract.Problems;

namespace GoldenPayloads.Oracle;

/// <summary>
/// The contract as an oracle for golden cases: what a target must answer, computed from
/// <see cref="ContractRules"/> and the case's own request, never from a target.
/// Order of the rules (the contract leaves the order open; this is the lead's decision, see the
/// README): malformed JSON, structural rules (VALIDATION_ERROR), the sum rule
/// (INVALID_STAGE_WEIGHTS), the stage decision (reject in enforce; the deprecation set in warn and
/// shadow), NO_KNOWN_STAGES, then business rules (unknown fund: 404).
/// </summary>
public sealed class GoldenOracle
{
    private readonly ContractRules _rules;
    private readonly OracleOptions _options;

    /// <summary>Creates an oracle over the contract's rules and what is known of the target's data.</summary>
    public GoldenOracle(ContractRules rules, OracleOptions? options = null)
    {
        _rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _options = options ?? OracleOptions.Default;
    }

    /// <summary>The effective mode a target configured with <paramref name="settings"/> must decide for the case (section 3).</summary>
    public EffectiveMode ModeFor(GoldenCase golden, ModeSettings settings, string requestId)
    {
        ArgumentNullException.ThrowIfNull(golden);
        return _rules.Decider.Decide(settings, golden.Request.Method, golden.Endpoint.Route, requestId);
    }

    /// <summary>The expected outcome for a target configured with <paramref name="settings"/> and a request id.</summary>
    public ExpectedOutcome Expect(GoldenCase golden, ModeSettings settings, string requestId) =>
        Expect(golden, ModeFor(golden, settings, requestId));

    /// <summary>The expected outcome in an effective mode.</summary>
    public ExpectedOutcome Expect(GoldenCase golden, EffectiveMode mode)
    {
        ArgumentNullException.ThrowIfNull(golden);
        var reading = PayloadReader.Read(golden);
        if (reading.Malformed)
        {
            return Problem(mode, 400, null, "malformed JSON: 400 problem in every mode");
        }

        if (reading.Errors.Count > 0)
        {
            return Problem(mode, 400, ProblemCodes.ValidationError, "structural rule, every mode: " + reading.Errors[0]);
        }

        IReadOnlyList<NormalizedStage> stages;
        DistributionResult? evaluated = null;
        if (reading.Distribution is { } entries)
        {
            evaluated = _rules.Distributions.Evaluate(entries);
            switch (evaluated.Status)
            {
                case DistributionStatus.Empty:
                    return Problem(mode, 400, ProblemCodes.ValidationError, "structural rule, every mode: a distribution needs at least one entry");
                case DistributionStatus.InvalidWeight:
                    return Problem(mode, 400, ProblemCodes.ValidationError, "structural rule, every mode: " + evaluated.Errors[0].Message);
                case DistributionStatus.SumOutOfTolerance:
                    return Problem(mode, 400, ProblemCodes.InvalidStageWeights,
                        FormattableString.Invariant($"sum rule, every mode: |1 - {evaluated.Summary.Sum:R}| > {_rules.Data.SumTolerance:R}"));
            }

            stages = evaluated.Entries;
        }
        else
        {
            stages = [.. (reading.Scalars ?? []).Select(s => _rules.Normalizer.Normalize(s))];
        }

        if (reading.Kind == StageInputType.None)
        {
            return FundOrSuccess(golden, mode, reading, null, stages, "no stage input: nothing to validate");
        }

        var unknowns = stages.Where(s => !s.IsKnown).DistinctBy(s => s.Raw.Display, StringComparer.Ordinal).ToList();
        var invalid = unknowns.ConvertAll(u => u.Raw.Display);
        IReadOnlyList<RawStage> unknownValues = [.. stages.Where(s => !s.IsKnown).Select(s => s.Raw)];
        var result = OutcomeTable.Classify(mode, unknowns.Count > 0, stages.Any(s => s.Kind == StageKind.Alias));
        if (result.Rejects())
        {
            var rejection = StageRejection.For(reading.Kind);
            return Problem(mode, rejection.Status, rejection.Code, "unknown stage rejected in enforce") with
            {
                Result = result,
                Invalid = invalid,
                UnknownValues = unknownValues,
                Suggestions = unknowns.ConvertAll(u => new StageSuggestion(u.Raw.Display, _rules.Suggester.Suggest(u.Raw))),
            };
        }

        var served = new ExpectedOutcome
        {
            Status = 200,
            Mode = mode,
            Reason = "",
            Result = result,
            Deprecation = result.EmitsDeprecation(),
            DeprecatedVariants = result.EmitsDeprecation() ? _rules.Headers.FormatVariants(invalid) : null,
            WouldReject = result == ValidationResult.WouldReject,
            Invalid = invalid,
            UnknownValues = unknownValues,
        };
        if (evaluated?.Status == DistributionStatus.NoKnownStages)
        {
            return served with
            {
                Status = 422,
                IsProblem = true,
                ProblemCode = ProblemCodes.NoKnownStages,
                Reason = "only unknown stages outside enforce: nothing left to compute with",
            };
        }

        var reason = result switch
        {
            ValidationResult.Ok => "canonical stages",
            ValidationResult.Normalized => "aliases normalized",
            _ => $"unknown stage served in {mode.ToWire()}",
        };
        return FundOrSuccess(golden, mode, reading, served, stages, reason, evaluated);
    }

    private ExpectedOutcome FundOrSuccess(GoldenCase golden, EffectiveMode mode, PayloadReading reading, ExpectedOutcome? served,
        IReadOnlyList<NormalizedStage> stages, string reason, DistributionResult? evaluated = null)
    {
        served ??= new ExpectedOutcome { Status = 200, Mode = mode, Reason = reason };
        if (reading.FundId is { } fund && !_options.KnownFundIds.Contains(fund))
        {
            return served with
            {
                Status = 404,
                IsProblem = true,
                Reason = FormattableString.Invariant($"fund {fund} does not exist: 404 problem"),
            };
        }

        var creates = golden.Endpoint.Creates is not null;
        return served with
        {
            Status = creates ? 201 : 200,
            Location = creates,
            Reason = reason,
            Distribution = evaluated?.Merged,
            ScalarStages = reading.Scalars is null ? null : [.. stages.Where(s => s.IsKnown).Select(s => s.Canonical!)],
        };
    }

    private static ExpectedOutcome Problem(EffectiveMode mode, int status, string? code, string reason) => new()
    {
        Status = status,
        Mode = mode,
        Reason = reason,
        IsProblem = true,
        ProblemCode = code,
    };
}
