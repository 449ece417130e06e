namespace Harness.Engine.Plans;

/// <summary>One field in which a target's configuration differs from what the phase requires.</summary>
/// <param name="Field">For example <c>mode</c> or <c>overrides[/api/allocations]</c>.</param>
/// <param name="Expected">What the phase (or the contract data) requires.</param>
/// <param name="Actual">What the target reports.</param>
public sealed record ConfigurationDifference(string Field, string Expected, string Actual)
{
    /// <summary><c>mode: phase expects warn, target has enforce</c>.</summary>
    public override string ToString() => $"{Field}: phase expects {Expected}, target has {Actual}";
}
