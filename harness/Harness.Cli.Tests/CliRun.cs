using Harness.Cli;
using Harness.Cli.Output;
using Microsoft.Extensions.Time.Testing;

namespace Harness.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output in a temporary working directory of its own.</summary>
internal sealed class CliRun : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rehearse-cli-");

    public string WorkingDirectory => _directory.FullName;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 30, 0, TimeSpan.Zero));

    public string Out { get; private set; } = "";

    public string Error { get; private set; } = "";

    public bool Interactive { get; init; }

    /// <summary>The run's environment variables; default the process's.</summary>
    public CliEnvironment Environment { get; init; } = CliEnvironment.Process;

    public async Task<int> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var app = new CliApp(new CliOutput(output, error, Interactive), Clock, CliApp.DefaultRegistry, WorkingDirectory, Environment);
        var code = await app.RunAsync(args, CancellationToken.None);
        Out = output.ToString();
        Error = error.ToString();
        return code;
    }

    public string Write(string name, string text)
    {
        var path = Path.Combine(WorkingDirectory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
