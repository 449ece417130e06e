using System.Text.RegularExpressions;

namespace Harness.Engine.Observability.Live;

/// <summary>
/// The shipped rules as the rehearsal loads them: every 5-minute rate over the plan's rule window and
/// every alert's <c>for:</c> set to the plan's alert hold (<see cref="ObservabilitySettings"/>). Names,
/// expressions, labels and thresholds are untouched, and the day-old baselines keep their day (with no
/// history they are empty, and the adaptive alerts fall back to their floors, as they are written to).
/// </summary>
public static partial class RehearsalRules
{
    /// <summary>The rules text with the rehearsal's windows.</summary>
    public static string Render(string rules, ObservabilitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(settings);
        var window = ObservabilitySettings.Duration(settings.RuleWindowSeconds);
        var hold = ObservabilitySettings.Duration(settings.AlertForSeconds);
        var shortened = RateRange().Replace(rules, $"[{window}]");
        return ForClause().Replace(shortened, m => $"{m.Groups[1].Value}for: {hold}");
    }

    [GeneratedRegex(@"\[5m\]")]
    private static partial Regex RateRange();

    [GeneratedRegex(@"^([ \t]+)for:[ \t]*[^ \t\r\n]+[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex ForClause();
}
