namespace StageContract.Problems;

/// <summary>One entry of a stage rejection's <c>suggestions</c> (contract section 5): <c>{input, didYouMean}</c>.</summary>
/// <param name="Input">The unknown raw value, as listed in <c>invalid</c>.</param>
/// <param name="DidYouMean">The suggested canonical stage (<see cref="Normalization.StageSuggester"/>), or null when none is near enough.</param>
public sealed record StageSuggestion(string Input, string? DidYouMean);
