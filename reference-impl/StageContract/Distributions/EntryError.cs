namespace StageContract.Distributions;

/// <summary>A structural problem with one entry.</summary>
public readonly record struct EntryError(int Index, string Message);
