using Spectre.Console;

namespace Harness.Cli.Output;

/// <summary>Spectre consoles over an injected writer (so tests and redirected runs see the same text).</summary>
public static class Consoles
{
    /// <summary>An ANSI console writing to <paramref name="writer"/>.</summary>
    public static IAnsiConsole For(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Detect,
    });
}
