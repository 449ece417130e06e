namespace Harness.Engine.Diff;

/// <summary>One field that differs between two answers to the same request.</summary>
/// <param name="Field"><c>status</c>, <c>content-type</c>, <c>header:&lt;Name&gt;</c> or a body path such as <c>$.items[0].stage</c>.</param>
/// <param name="Kind">Changed, missing or added.</param>
/// <param name="Primary">The primary's value (compact JSON for body leaves); null when it has none.</param>
/// <param name="Other">The candidate's (or secondary's) value; null when it has none.</param>
public sealed record FieldDifference(string Field, DifferenceKind Kind, string? Primary, string? Other)
{
    /// <summary>The field with array indices written <c>[*]</c>: what differences are grouped and noise is learned by.</summary>
    public string GeneralField => Field.StartsWith('$') ? JsonPaths.Generalize(Field) : Field;
}
