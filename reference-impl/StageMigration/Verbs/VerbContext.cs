using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using StageContract;

namespace StageMigration.Verbs;

/// <summary>What every verb is composed with: the writers, the clock, the environment and the options every verb takes.</summary>
internal sealed class VerbContext(TextWriter output, TextWriter error, TimeProvider timeProvider, Func<string, string?> environment)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Progress lines and the one line that names a failure.</summary>
    public TextWriter Error => error;

    /// <summary>The clock of the commands.</summary>
    public TimeProvider TimeProvider => timeProvider;

    /// <summary>The options every verb takes.</summary>
    public GlobalOptions Options { get; } = new();

    /// <summary>The connection string of <c>--database</c> or <c>$STAGE_DATABASE_URL</c>; a <see cref="UsageException"/> when there is none or it is malformed.</summary>
    public string ConnectionString(ParseResult parse)
    {
        var value = parse.GetValue(Options.Database) ?? environment("STAGE_DATABASE_URL");
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new UsageException("no database: give --database or set STAGE_DATABASE_URL");
        }

        return StageData.ConnectionStrings.Problem(value) is { } problem
            ? throw new UsageException($"the connection string {problem}")
            : value;
    }

    /// <summary>The rules of <c>--contract-file</c> or <c>$STAGE_CONTRACT_FILE</c>, else the shipped contract's.</summary>
    public ContractRules Rules(ParseResult parse) =>
        (parse.GetValue(Options.ContractFile) ?? environment("STAGE_CONTRACT_FILE")) is { Length: > 0 } path ? ContractRules.FromFile(path) : ContractRules.Default;

    // Bounds of every number are checked at parse time (OptionBounds), before any database is touched.
    public int BatchSize(ParseResult parse) => parse.GetValue(Options.BatchSize);

    /// <summary>Writes <paramref name="report"/> as JSON to <c>--out</c> or standard output; returns <see cref="MigrationExitCodes.Ok"/>.</summary>
    public async Task<int> ReportAsync<T>(ParseResult parse, T report, CancellationToken cancellationToken)
    {
        var text = JsonSerializer.Serialize(report, Json);
        if (parse.GetValue(Options.Out) is { Length: > 0 } path)
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, text + "\n", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync(text).ConfigureAwait(false);
        }

        return MigrationExitCodes.Ok;
    }

    /// <summary>Writes the one line that names a failure and returns <paramref name="exitCode"/>.</summary>
    public async Task<int> FailAsync(int exitCode, string message)
    {
        await error.WriteLineAsync($"stage-migrate: {OneLine(message)}").ConfigureAwait(false);
        return exitCode;
    }

    /// <summary>A message on one line: line breaks and tabs folded into single spaces.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
