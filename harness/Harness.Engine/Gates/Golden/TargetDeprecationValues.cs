using GoldenPayloads.Comparison;
using GoldenPayloads.Running;
using Harness.Engine.Targets;

namespace Harness.Engine.Gates.Golden;

/// <summary>
/// The golden comparison's sunset, docs URL and <c>Link</c> judged by the rehearsal's
/// <see cref="DeprecationValues"/>: the target's own values (declared by the plan or learned from its
/// first deprecation set), an IMF-fixdate, an absolute URL and a <c>Link</c> read by RFC 8288.
/// </summary>
public sealed class TargetDeprecationValues(DeprecationValues values) : IDeprecationValueCheck
{
    private readonly DeprecationValues _values = values ?? throw new ArgumentNullException(nameof(values));

    /// <inheritdoc />
    public IReadOnlyList<GoldenDifference> Check(ObservedOutcome actual, string subject)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var problems = _values.Check(actual.Header, subject);
        if (problems.Count == 0)
        {
            return [];
        }

        var expected = $"the target's own value ({_values.Describe()})";
        return [.. problems.Select(problem =>
        {
            // DeprecationValues words each problem "<header>: <what is wrong>".
            var colon = problem.IndexOf(": ", StringComparison.Ordinal);
            return colon > 0
                ? new GoldenDifference(problem[..colon], expected, problem[(colon + 2)..])
                : new GoldenDifference("deprecation values", expected, problem);
        })];
    }
}
