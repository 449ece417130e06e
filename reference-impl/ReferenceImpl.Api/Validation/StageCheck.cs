using Microsoft.AspNetCore.Http.HttpResults;
using StageContract.Normalization;
using StageContract.Outcomes;

namespace ReferenceImpl.Api.Validation;

/// <summary>The outcome of validating a request's stages: a problem to answer with, or what to serve.</summary>
/// <param name="Problem">The error response, when the request is not served.</param>
/// <param name="Result">The result label.</param>
/// <param name="Stages">Every input stage's normalization, in input order.</param>
public sealed record StageCheck(ProblemHttpResult? Problem, ValidationResult Result, IReadOnlyList<NormalizedStage> Stages);

/// <summary>A distribution's check: the stage check plus the computed (merged, rescaled) weights.</summary>
public sealed record DistributionCheck(StageCheck Check, IReadOnlyList<StageContract.Distributions.CanonicalWeight> Merged);
