namespace StageContract.Data;

/// <summary>A route template whose listed methods are writes.</summary>
public sealed record WriteRoute
{
    /// <summary>HTTP methods, upper case.</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>Route template, for example <c>/api/allocations/{id}</c>.</summary>
    public string Route { get; init; } = "";
}
