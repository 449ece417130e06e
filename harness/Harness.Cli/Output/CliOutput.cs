namespace Harness.Cli.Output;

/// <summary>Where the CLI writes, and whether it may draw live progress (a terminal, not CI).</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error: one line per usage or harness error.</param>
/// <param name="Interactive">True on a terminal outside CI: Spectre.Console progress and tables.</param>
public sealed record CliOutput(TextWriter Out, TextWriter Error, bool Interactive)
{
    /// <summary>The process's console; interactive when stdout is a terminal, <c>CI</c> is unset and <c>TERM</c> is not <c>dumb</c>.</summary>
    public static CliOutput FromConsole() => new(Console.Out, Console.Error,
        !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && Environment.GetEnvironmentVariable("TERM") != "dumb");
}
