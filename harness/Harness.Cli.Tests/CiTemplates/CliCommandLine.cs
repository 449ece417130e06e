using Harness.Cli.Output;
using Harness.Cli.Verbs;
using Microsoft.Extensions.Time.Testing;

namespace Harness.Cli.Tests.CiTemplates;

/// <summary>Checks a template's <c>rehearse</c> arguments against the CLI's real command tree (<see cref="CliApp.BuildCommand"/>).</summary>
internal static class CliCommandLine
{
    /// <summary>Null when the arguments parse; otherwise why not, naming an unknown verb as such.</summary>
    public static string? Problem(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var context = new VerbContext(new CliOutput(TextWriter.Null, TextWriter.Null, Interactive: false), new FakeTimeProvider(), CliApp.DefaultRegistry, Path.GetTempPath());
        var root = CliApp.BuildCommand(context);
        if (arguments is [var first, ..] && !first.StartsWith('-') && !root.Subcommands.Any(c => c.Name == first || c.Aliases.Contains(first)))
        {
            return $"'{first}' is not a verb of rehearse (its verbs: {string.Join(", ", root.Subcommands.Select(c => c.Name))}); a template may use only verbs the CLI has";
        }

        var parse = root.Parse(arguments.ToArray());
        return parse.Errors.Count == 0 ? null : string.Join("; ", parse.Errors.Select(e => e.Message.ReplaceLineEndings(" ")));
    }
}
