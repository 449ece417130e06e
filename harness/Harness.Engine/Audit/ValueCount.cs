namespace Harness.Engine.Audit;

/// <summary>A value and how often it was seen.</summary>
/// <param name="Value">The value (for stage values: cut and percent-encoded, see <see cref="RawValueText"/>).</param>
/// <param name="Count">Times seen; with a non-zero <paramref name="Error"/>, an upper bound.</param>
/// <param name="Error">How much <paramref name="Count"/> may exceed the truth (0: exact).</param>
public sealed record ValueCount(string Value, long Count, long Error = 0);
