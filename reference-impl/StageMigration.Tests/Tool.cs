using System.Diagnostics;

namespace StageMigration.Tests;

/// <summary>Runs the tool in-process through its CLI (same parsing, same exit codes), or as a real process.</summary>
internal static class Tool
{
    public static async Task<ToolResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await new MigrationCli(stdout, stderr, TimeProvider.System, _ => null).RunAsync(args, CancellationToken.None);
        return new ToolResult(code, stdout.ToString(), stderr.ToString());
    }

    public static async Task<ToolResult> RunOkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"stage-migrate {args[0]} exited {result.ExitCode}: {result.Stderr}");
        return result;
    }

    /// <summary>A real <c>dotnet stage-migrate.dll</c> process (for kill -9).</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "stage-migrate.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    public static async Task<string> ChecksumAsync(string database) =>
        (await RunOkAsync("checksum", "-d", database)).Json.GetProperty("combined").GetString()!;

    public static Task<ToolResult> GenerateAsync(string database, int companies, int strategies, int seed = 1) =>
        RunOkAsync("generate", "-d", database, "--companies", $"{companies}", "--strategies", $"{strategies}", "--funds", "5", "--seed", $"{seed}");
}
