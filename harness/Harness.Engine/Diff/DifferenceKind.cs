namespace Harness.Engine.Diff;

/// <summary>How a field differs between the primary's answer and the other one.</summary>
public enum DifferenceKind
{
    /// <summary>Both have the field, with different values.</summary>
    Changed,

    /// <summary>The primary has the field, the other answer not.</summary>
    Missing,

    /// <summary>The other answer has the field, the primary not.</summary>
    Added,
}
