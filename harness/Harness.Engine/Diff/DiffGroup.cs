namespace Harness.Engine.Diff;

/// <summary>Differences of one endpoint, field (array indices as <c>[*]</c>) and kind, with how many and a few examples.</summary>
/// <param name="Endpoint">The contract endpoint (<c>POST /api/monte-carlo/simulate</c>).</param>
/// <param name="Field">The field, indices generalized.</param>
/// <param name="Kind">Changed, missing or added.</param>
/// <param name="Class">Counted, noise or expected.</param>
/// <param name="Expectation">The declared expectation that covers it, when <paramref name="Class"/> is expected.</param>
/// <param name="Count">Occurrences (one per request and exact field).</param>
/// <param name="Requests">Distinct requests with it.</param>
/// <param name="Examples">Up to <see cref="DiffAnalysis.ExamplesPerGroup"/> occurrences, in request order.</param>
public sealed record DiffGroup(string Endpoint, string Field, DifferenceKind Kind, DiffClass Class, DiffExpectation? Expectation, int Count, int Requests, IReadOnlyList<DiffExample> Examples);
