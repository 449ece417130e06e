namespace GoldenPayloads.Comparison;

/// <summary>One way an observed outcome differs from the contract's expectation.</summary>
/// <param name="Aspect">What differs: a status, a header name, a content type or a body path.</param>
/// <param name="Expected">What the contract expects.</param>
/// <param name="Actual">What the target answered.</param>
public sealed record GoldenDifference(string Aspect, string Expected, string Actual)
{
    /// <summary>Marker for a header or member that is not there.</summary>
    public const string Absent = "(absent)";

    public override string ToString() => $"{Aspect}: expected {Expected}, actual {Actual}";
}
