namespace ReferenceImpl.Api.Validation;

/// <summary>One entry of a rejection's <c>suggestions</c>.</summary>
public sealed record StageSuggestion(string Input, string? DidYouMean);
