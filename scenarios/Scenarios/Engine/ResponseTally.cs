namespace Scenarios.Engine;

/// <summary>What a response is counted under, beside its status: chosen header values and a class the caller names.</summary>
public delegate string? ResponseClassifier(long index, HttpResponseMessage response);
