namespace Harness.Engine.Diff;

/// <summary>The targets of a dual run.</summary>
/// <param name="Primary">The service as it runs now.</param>
/// <param name="Candidate">The service to compare with it.</param>
/// <param name="Secondary">A second instance of the primary, to learn the noise; null for none.</param>
public sealed record DiffTargets(Uri Primary, Uri Candidate, Uri? Secondary);
