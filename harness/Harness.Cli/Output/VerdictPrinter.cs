using System.Globalization;
using Harness.Engine.Gates;
using Harness.Engine.Reports;
using Harness.Engine.Verdicts;
using Spectre.Console;

namespace Harness.Cli.Output;

/// <summary>The verdict table at the end of a run: a Spectre table on a terminal, aligned plain text elsewhere.</summary>
public static class VerdictPrinter
{
    /// <summary>Writes the verdict, the gates and where the reports are.</summary>
    public static void Print(CliOutput output, RehearsalReport report, string? reportDirectory)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        if (output.Interactive)
        {
            var console = Consoles.For(output.Out);
            var table = new Table().Title($"[bold]{Markup.Escape(report.Phase)}[/]")
                .AddColumns("Gate", "Kind", "Decides", "Status", "Value", "Threshold", "Samples", "Reason");
            foreach (var g in report.Gates)
            {
                var color = g.Status switch { GateStatus.Pass => "green", GateStatus.Fail => "red", GateStatus.Inconclusive => "yellow", _ => "grey" };
                table.AddRow(Markup.Escape(g.Id), Markup.Escape(g.Kind), g.Blocking ? "blocking" : "[grey]advisory[/]",
                    $"[{color}]{Markup.Escape(GateStatusText.Label(g))}[/]", Markup.Escape(g.ValueText), Markup.Escape(g.Threshold),
                    g.SampleSize.ToString(CultureInfo.InvariantCulture), Markup.Escape(g.Reason));
            }

            console.Write(table);
            var verdictColor = report.Verdict switch { Verdict.Go => "green", Verdict.Hold => "yellow", _ => "red" };
            console.MarkupLine($"[bold {verdictColor}]{report.Verdict.ToDisplay()}[/]: {Markup.Escape(report.VerdictReason)}");
        }
        else
        {
            var rows = report.Gates.Select(g => new[] { g.Id, g.Blocking ? "blocking" : "advisory", GateStatusText.Label(g), g.ValueText, g.Threshold }).ToList();
            var widths = Enumerable.Range(0, 5).Select(i => rows.Select(r => r[i].Length).Append(0).Max()).ToArray();
            foreach (var row in rows)
            {
                output.Out.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
            }

            output.Out.WriteLine($"{report.Verdict.ToDisplay()}: {report.VerdictReason}");
        }

        if (reportDirectory is not null)
        {
            output.Out.WriteLine($"reports: {reportDirectory}");
        }
    }
}
