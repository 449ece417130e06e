using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Harness.Engine.Gates;
using Harness.Engine.Reports;

namespace Harness.Engine.Findings;

/// <summary>
/// Stable fingerprints of a gate's findings. What varies between two runs that see the same
/// deviation is taken out before hashing: request ids, UUIDs, timestamps and measured numbers
/// (decimals, and integers other than a three-digit HTTP status). What stays is the gate, the
/// endpoint, what the contract expects and what the target did. A fingerprint that changes when it
/// should not makes a known finding look new, so the phase is NO-GO: the error is on the safe side.
/// </summary>
public static partial class FindingFingerprint
{
    /// <summary>The findings of <paramref name="gate"/>: one per distinct evidence fingerprint, or one for the gate itself when it failed without evidence.</summary>
    public static IReadOnlyList<Finding> Of(GateReport gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        if (gate.Evidence.Count == 0)
        {
            return [new Finding(gate.Id, Hash(gate.Id, gate.Kind, "gate", Normalize(gate.Measured), gate.Threshold), $"{gate.Measured}: {gate.ValueText} (threshold {gate.Threshold})", 1)];
        }

        return [.. gate.Evidence
            .Select(e => (Print: ForEvidence(gate, e), Evidence: e))
            .GroupBy(x => x.Print, StringComparer.Ordinal)
            .Select(g => new Finding(gate.Id, g.Key, Summary(g.First().Evidence), g.Count()))];
    }

    /// <summary>The fingerprint of one evidence item of <paramref name="gate"/> (its detail is not part of it: bodies and metric lines vary).</summary>
    public static string ForEvidence(GateReport gate, Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(evidence);
        return Hash(gate.Id, gate.Kind, Normalize(evidence.Subject), Normalize(evidence.Expected), Normalize(evidence.Actual));
    }

    /// <summary><paramref name="text"/> with the parts that vary between runs replaced by placeholders.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = RequestId().Replace(text, "rid=*");
        s = Uuid().Replace(s, "<uuid>");
        s = Timestamp().Replace(s, "<time>");
        return Number().Replace(s, m => m.Value.Length == 3 && m.Value[0] is >= '1' and <= '5' && !m.Value.Contains('.', StringComparison.Ordinal) ? m.Value : "#");
    }

    private static string Summary(Evidence e) => $"{e.Subject}: expected {e.Expected}; got {e.Actual}";

    private static string Hash(params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        return Convert.ToHexString(bytes, 0, 8).ToLower(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"rid=\S+")]
    private static partial Regex RequestId();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Number();
}
