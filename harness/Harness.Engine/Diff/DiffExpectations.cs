using StageContract.Data;

namespace Harness.Engine.Diff;

/// <summary>The names of <see cref="DiffExpectation"/> and what each covers.</summary>
public static class DiffExpectations
{
    /// <summary>Name → expectation, in documentation order.</summary>
    public static IReadOnlyList<(string Name, DiffExpectation Expectation)> All { get; } =
        [("unknown-stage", DiffExpectation.UnknownStage), ("mode-header", DiffExpectation.ModeHeader), ("deprecation-headers", DiffExpectation.DeprecationHeaders)];

    /// <summary>The expectation named <paramref name="name"/>, or null.</summary>
    public static DiffExpectation? Parse(string? name) =>
        All.Where(e => string.Equals(e.Name, name?.Trim(), StringComparison.Ordinal)).Select(e => (DiffExpectation?)e.Expectation).FirstOrDefault();

    /// <summary>The name of <paramref name="expectation"/>.</summary>
    public static string Name(DiffExpectation expectation) => All.First(e => e.Expectation == expectation).Name;

    /// <summary>
    /// The first of <paramref name="declared"/> that covers <paramref name="difference"/> of a request
    /// (<paramref name="carriesUnknownStage"/>), or null when none does.
    /// </summary>
    public static DiffExpectation? Covering(IReadOnlyList<DiffExpectation> declared, FieldDifference difference, bool carriesUnknownStage, HeaderNames headers)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(difference);
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var expectation in declared)
        {
            var covers = expectation switch
            {
                DiffExpectation.UnknownStage => carriesUnknownStage,
                DiffExpectation.ModeHeader => IsHeader(difference, headers.Mode),
                DiffExpectation.DeprecationHeaders => DeprecationSet(headers).Any(h => IsHeader(difference, h)),
                _ => false,
            };
            if (covers)
            {
                return expectation;
            }
        }

        return null;
    }

    private static IEnumerable<string> DeprecationSet(HeaderNames h) =>
        [h.Deprecation, h.Sunset, h.Link, h.DeprecatedVariants, h.Docs, h.WouldReject, h.Recommendation];

    private static bool IsHeader(FieldDifference difference, string name) =>
        DiffFields.IsHeader(difference.Field) && string.Equals(DiffFields.HeaderName(difference.Field), name, StringComparison.OrdinalIgnoreCase);
}
