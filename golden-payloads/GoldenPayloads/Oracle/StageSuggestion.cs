namespace GoldenPayloads.Oracle;

/// <summary>One entry of a stage rejection's <c>suggestions</c> (contract section 5).</summary>
public sealed record StageSuggestion(string Input, string? DidYouMean);
