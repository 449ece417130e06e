using StageContract.Distributions;
using StageContract.Endpoints;
using StageContract.Normalization;

namespace GoldenPayloads.Oracle;

/// <summary>What the oracle read from a golden request before applying the contract.</summary>
/// <param name="Malformed">The body is not JSON.</param>
/// <param name="Errors">Structural problems (400 <c>VALIDATION_ERROR</c>), as <c>path: message</c>.</param>
/// <param name="FundId">The fund addressed, when it could be read.</param>
/// <param name="Kind">How the stages arrive.</param>
/// <param name="Distribution">The weighted entries (array and object input).</param>
/// <param name="Scalars">The scalar stage values (scalar and query input).</param>
internal sealed record PayloadReading(
    bool Malformed,
    IReadOnlyList<string> Errors,
    long? FundId,
    StageInputType Kind,
    IReadOnlyList<WeightedStage>? Distribution,
    IReadOnlyList<RawStage>? Scalars)
{
    public static PayloadReading NotJson() => new(true, [], null, StageInputType.None, null, null);
}
