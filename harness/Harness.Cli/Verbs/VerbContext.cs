using Harness.Cli.Output;
using Harness.Engine.Gates;

namespace Harness.Cli.Verbs;

/// <summary>What every verb is composed with.</summary>
/// <param name="Output">Where to write.</param>
/// <param name="TimeProvider">Clock for report times and directory names.</param>
/// <param name="Registry">Gate kinds.</param>
/// <param name="WorkingDirectory">Where relative paths and the default <c>reports/</c> folder resolve.</param>
public sealed record VerbContext(CliOutput Output, TimeProvider TimeProvider, GateKindRegistry Registry, string WorkingDirectory)
{
    /// <summary>Where the environment variables come from; default the process's environment.</summary>
    public CliEnvironment Environment { get; init; } = CliEnvironment.Process;

    /// <summary>Writes one error line and returns <paramref name="exitCode"/>.</summary>
    public int Fail(int exitCode, string message)
    {
        Output.Error.WriteLine($"rehearse: {message}");
        return exitCode;
    }

    /// <summary>A path resolved against the working directory.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);
}
