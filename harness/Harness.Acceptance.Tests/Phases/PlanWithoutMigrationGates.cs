using System.Text;
using System.Text.RegularExpressions;
using Harness.Engine.Gates;

namespace Harness.Acceptance.Tests.Phases;

/// <summary>
/// The built-in plan's text with only the migration gates (<c>migration-rehearsal</c>,
/// <c>migration-verify</c>) taken out, so that a mutant run needs no database: every other gate, its
/// parameters and threshold stay as shipped. <c>PlanDerivationTests</c> checks that the result is
/// exactly that.
/// </summary>
public static partial class PlanWithoutMigrationGates
{
    public static string Text()
    {
        var lines = Harness.Engine.Plans.PlanLoader.DefaultPlanText().Split('\n');
        var kept = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            if (GateStart().Match(lines[i]) is { Success: true } start)
            {
                // A gate's block: its "- id:" line and every following line indented deeper than the dash.
                var indent = start.Groups["indent"].Length;
                var end = i + 1;
                while (end < lines.Length && lines[end].Trim().Length > 0 && lines[end].Length - lines[end].TrimStart().Length > indent)
                {
                    end++;
                }

                var block = lines[i..end];
                if (!block.Any(l => l.Trim() is $"kind: {GateKinds.MigrationRehearsal}" or $"kind: {GateKinds.MigrationVerify}"))
                {
                    kept.AppendJoin('\n', block).Append('\n');
                }

                i = end - 1;
                continue;
            }

            kept.Append(lines[i]).Append('\n');
        }

        return kept.ToString().TrimEnd('\n') + "\n";
    }

    [GeneratedRegex("^(?<indent> *)- id: ")]
    private static partial Regex GateStart();
}
