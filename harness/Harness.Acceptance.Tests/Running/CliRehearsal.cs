using Harness.Cli;
using Harness.Cli.Output;

namespace Harness.Acceptance.Tests.Running;

/// <summary>
/// Runs <c>rehearse</c> in-process, the way a team runs it against its own service, in a temporary
/// working directory of its own, with its own environment variables (the process's are never read
/// nor changed: tests may run side by side).
/// </summary>
public sealed class CliRehearsal : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rehearse-acceptance-");

    public string WorkingDirectory => _directory.FullName;

    /// <summary>Writes a file into the working directory and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(WorkingDirectory, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs the CLI with <paramref name="args"/> plus <c>--out &lt;name&gt;</c> and reads the report it wrote.</summary>
    public async Task<RehearsalOutcome> RunAsync(IReadOnlyDictionary<string, string> environment, string reportName, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        // The real clock, as in a team's run: the drill and the webhook checks are timed in real time.
        var app = new CliApp(new CliOutput(output, error, Interactive: false), TimeProvider.System, CliApp.DefaultRegistry, WorkingDirectory, CliEnvironment.Of(environment));
        var code = await app.RunAsync([.. args, "--out", reportName], CancellationToken.None);
        return RehearsalOutcome.Read(code, output + error.ToString(), Path.Combine(WorkingDirectory, reportName, "report.json"));
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
