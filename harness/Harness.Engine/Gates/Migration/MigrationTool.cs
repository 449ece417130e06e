using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Harness.Engine.Gates.Migration;

/// <summary>One finished run of the migration tool.</summary>
/// <param name="ExitCode">Its exit code (the tool's README lists them).</param>
/// <param name="Stdout">Its JSON report.</param>
/// <param name="Stderr">Progress lines and, on failure, the one line that names the cause.</param>
/// <param name="Killed">True when the harness killed it.</param>
public sealed record ToolRun(int ExitCode, string Stdout, string Stderr, bool Killed)
{
    /// <summary>The JSON report, or null when stdout holds none (parsed once).</summary>
    public JsonElement? Json { get; } = Parse(Stdout);

    /// <summary>The last line of stderr (the tool's one-line error on failure).</summary>
    public string LastErrorLine => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";

    private static JsonElement? Parse(string stdout)
    {
        try
        {
            using var document = JsonDocument.Parse(stdout);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Runs <c>stage-migrate</c> as a separate process (<c>dotnet stage-migrate.dll ...</c>), so that a
/// rehearsal can kill it with SIGKILL in the middle of a run, exactly as a crash would.
/// </summary>
public sealed class MigrationTool(string toolPath, string connectionString)
{
    /// <summary>Runs a verb to completion.</summary>
    public Task<ToolRun> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken, string? database = null) =>
        RunAsync(arguments, killWhen: null, cancellationToken, database);

    /// <summary>
    /// Runs a verb; <paramref name="killWhen"/> sees every stderr line and, when it returns true,
    /// the process is killed at once (SIGKILL on Linux).
    /// </summary>
    public async Task<ToolRun> RunAsync(IEnumerable<string> arguments, Func<string, bool>? killWhen, CancellationToken cancellationToken, string? database = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(toolPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The connection string (with its password) goes through the environment, not argv.
        start.Environment["STAGE_DATABASE_URL"] = database ?? connectionString;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start dotnet {toolPath}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = new StringBuilder();
        var killed = false;
        try
        {
            while (await process.StandardError.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                stderr.AppendLine(line);
                if (!killed && killWhen is not null && killWhen(line))
                {
                    process.Kill(entireProcessTree: true);
                    killed = true;
                }
            }

            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ToolRun(process.ExitCode, await stdout.ConfigureAwait(false), stderr.ToString(), killed);
    }
}
