using GoldenPayloads.Running;
using StageContract.Data;

namespace GoldenPayloads.Comparison;

/// <summary>
/// The sunset and docs URL of one known service, compared exactly: the contract data's values as the
/// reference service sends them by default, <c>Link</c> spelled <c>&lt;docs&gt;; rel="deprecation"</c>.
/// For tests of that service; any other target is judged by the values it configured.
/// </summary>
public sealed class ExactDeprecationValues(StageContractData data) : IDeprecationValueCheck
{
    private readonly StageContractData _data = data ?? throw new ArgumentNullException(nameof(data));

    /// <inheritdoc />
    public IReadOnlyList<GoldenDifference> Check(ObservedOutcome actual, string subject)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var h = _data.Headers;
        var differences = new List<GoldenDifference>();
        foreach (var (name, want) in new[] { (h.Sunset, _data.Sunset), (h.Docs, _data.DocsUrl), (h.Link, $"<{_data.DocsUrl}>; rel=\"deprecation\"") })
        {
            var got = actual.Header(name);
            if (!string.Equals(want, got, StringComparison.Ordinal))
            {
                differences.Add(new GoldenDifference(name, want, got ?? GoldenDifference.Absent));
            }
        }

        return differences;
    }
}
