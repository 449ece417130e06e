namespace ReferenceImpl.Api.Problems;

/// <summary>One entry of a problem's <c>errors</c> list.</summary>
public sealed record FieldError(string Path, string Message);
