using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using StageContract;
using StageContract.Data;
using StageData.Schema;
using StageMigration.Apply;
using StageMigration.Generation;
using StageMigration.Planning;
using StageMigration.Rollback;
using StageMigration.Runs;
using StageMigration.Snapshots;
using StageMigration.Statistics;
using StageMigration.Verification;

namespace StageMigration;

/// <summary>
/// <c>stage-migrate &lt;verb&gt; --database &lt;connection string&gt;</c>: plan, apply, resume, verify,
/// rollback, snapshot, restore, plus schema, generate, checksum and stats. Reports are JSON on
/// standard output (or <c>--out</c>); progress and errors go to standard error; every outcome is
/// one of <see cref="MigrationExitCodes"/>, and every failure prints exactly one line naming it.
/// </summary>
public sealed class MigrationCli(TextWriter output, TextWriter error, TimeProvider timeProvider, Func<string, string?> environment)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly Option<string?> _database = new("--database", "-d") { Description = "Npgsql connection string; default $STAGE_DATABASE_URL.", Recursive = true };
    private readonly Option<string?> _contract = new("--contract-file") { Description = "Contract data file; default $STAGE_CONTRACT_FILE, else the shipped contract.", Recursive = true };
    private readonly Option<int> _batchSize = new("--batch-size") { Description = "Rows per batch (keyset).", DefaultValueFactory = _ => 5000, Recursive = true };
    private readonly Option<string?> _out = new("--out", "-o") { Description = "Write the JSON report to this file instead of standard output.", Recursive = true };

    /// <summary>Parses and runs; never throws except for cancellation.</summary>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var root = new RootCommand("The stage migration of contract section 10.") { _database, _contract, _batchSize, _out };
        var sleep = new Option<int>("--sleep-ms") { Description = "Pause between batches, in milliseconds.", DefaultValueFactory = _ => 0 };
        var run = new Option<long?>("--run") { Description = "Run id; default the newest run not rolled back yet." };
        var all = new Option<bool>("--all") { Description = "rollback: every run not rolled back yet, newest first (the content before the first migration)." };
        var file = new Option<string>("--file", "-f") { Description = "Snapshot archive.", Required = true };
        var create = new Option<bool>("--create") { Description = "Create the target database first (it must not exist)." };
        var companies = new Option<int>("--companies") { DefaultValueFactory = _ => 100_000, Description = "Companies to generate." };
        var strategies = new Option<int>("--strategies") { DefaultValueFactory = _ => 20_000, Description = "Strategies to generate." };
        var funds = new Option<int>("--funds") { DefaultValueFactory = _ => 50, Description = "Funds the rows are spread over." };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1, Description = "Generator seed." };
        var invalid = new Option<double>("--invalid-share") { DefaultValueFactory = _ => 0, Description = "Share of distributions with weights that cannot be migrated (default 0)." };
        var fund = new Option<long>("--fund") { DefaultValueFactory = _ => 1, Description = "Fund whose stage counts to list." };

        root.Subcommands.Add(Verb("schema", "Apply the versioned schema scripts the database has not seen.", [], async (p, d, c) =>
            await Report(p, new { applied = await SchemaMigrator.MigrateAsync(d, c).ConfigureAwait(false) }, c).ConfigureAwait(false)));
        root.Subcommands.Add(Verb("generate", "Append deterministic legacy (dirty) data.", [companies, strategies, funds, seed, invalid], async (p, d, c) =>
        {
            var options = new GeneratorOptions(p.GetValue(companies), p.GetValue(strategies), p.GetValue(funds), p.GetValue(seed), p.GetValue(invalid));
            var result = await new DirtyDataGenerator(d, Rules(p), error, timeProvider).GenerateAsync(options, c).ConfigureAwait(false);
            return await Report(p, result, c).ConfigureAwait(false);
        }));
        root.Subcommands.Add(Verb("plan", "Dry run: would-change counts per stage and table, the mapping and every unmappable value.", [], async (p, d, c) =>
            await Report(p, await new Planner(d, Rules(p), error).PlanAsync(BatchSize(p), c).ConfigureAwait(false), c).ConfigureAwait(false)));
        root.Subcommands.Add(Verb("apply", "Start a run: normalize both tables in keyset batches, one transaction per batch.", [sleep], async (p, d, c) =>
            await Applied(p, await Migrator(p, d).ApplyAsync(new ApplyOptions(BatchSize(p), p.GetValue(sleep)), c).ConfigureAwait(false), c).ConfigureAwait(false)));
        root.Subcommands.Add(Verb("resume", "Continue the newest unfinished run after its last committed batch.", [sleep], async (p, d, c) =>
        {
            var overrides = p.GetResult(_batchSize) is { Implicit: false } || p.GetResult(sleep) is { Implicit: false }
                ? new ApplyOptions(BatchSize(p), p.GetValue(sleep))
                : null;
            return await Applied(p, await Migrator(p, d).ResumeAsync(overrides, c).ConfigureAwait(false), c).ConfigureAwait(false);
        }));
        root.Subcommands.Add(Verb("verify", "Check every invariant of the migrated data (read-only).", [], async (p, d, c) =>
        {
            var report = await new Verifier(d, Rules(p), error).VerifyAsync(BatchSize(p), c).ConfigureAwait(false);
            await Report(p, report, c).ConfigureAwait(false);
            foreach (var failed in report.Checks.Where(x => !x.Passed))
            {
                await error.WriteLineAsync($"stage-migrate: verify: {failed.Name} failed: {failed.Detail}").ConfigureAwait(false);
            }

            return report.Passed ? MigrationExitCodes.Ok : MigrationExitCodes.VerifyFailed;
        }));
        root.Subcommands.Add(Verb("rollback", "Restore a run's before-values from the audit log.", [run, all], async (p, d, c) =>
        {
            var result = await new RollbackRunner(d, error, timeProvider).RollbackAsync(p.GetValue(run), BatchSize(p), c, p.GetValue(all)).ConfigureAwait(false);
            await Report(p, result, c).ConfigureAwait(false);
            if (result.Conflicts > 0)
            {
                await error.WriteLineAsync($"stage-migrate: rollback: {result.Conflicts:N0} row(s) changed after the migration were left as they are").ConfigureAwait(false);
                return MigrationExitCodes.RollbackConflicts;
            }

            return MigrationExitCodes.Ok;
        }));
        root.Subcommands.Add(Verb("snapshot", "pg_dump the database to a custom-format archive with a SHA-256 sidecar.", [file], async (p, d, c) =>
            await Report(p, await new Snapshotter(timeProvider).SnapshotAsync(ConnectionString(p), p.GetValue(file)!, c).ConfigureAwait(false), c).ConfigureAwait(false),
            schema: false));
        root.Subcommands.Add(Verb("restore", "Check a snapshot against its sidecar, then pg_restore it.", [file, create], async (p, d, c) =>
            await Report(p, await new Snapshotter(timeProvider).RestoreAsync(ConnectionString(p), p.GetValue(file)!, p.GetValue(create), c).ConfigureAwait(false), c).ConfigureAwait(false),
            schema: false));
        root.Subcommands.Add(Verb("checksum", "Content checksum of the data tables.", [], async (p, d, c) =>
        {
            var tables = await ContentChecksum.ComputeAsync(d, c).ConfigureAwait(false);
            return await Report(p, new { combined = ContentChecksum.Combine(tables), tables }, c).ConfigureAwait(false);
        }, schema: false));
        root.Subcommands.Add(Verb("stats", "Stage counts of one fund's companies and a few strategy ids (for smoke tests).", [fund], async (p, d, c) =>
            await Report(p, await Stats.ReadAsync(d, p.GetValue(fund), c).ConfigureAwait(false), c).ConfigureAwait(false)));

        AtLeast(_batchSize, 1);
        AtLeast(sleep, 0);
        AtLeast(companies, 0);
        AtLeast(strategies, 0);
        AtLeast(funds, 1);
        invalid.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or > 1)
            {
                r.AddError($"{invalid.Name} must be between 0 and 1");
            }
        });

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await error.WriteLineAsync($"stage-migrate: {OneLine(parse.Errors[0].Message)} (see 'stage-migrate --help')").ConfigureAwait(false);
            return MigrationExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    private Command Verb(string name, string description, Option[] options, Func<ParseResult, NpgsqlDataSource, CancellationToken, Task<int>> action, bool schema = true)
    {
        var command = new Command(name, description);
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var dataSource = NpgsqlDataSource.Create(ConnectionString(parse));
                if (schema)
                {
                    await SchemaMigrator.MigrateAsync(dataSource, cancellationToken).ConfigureAwait(false);
                }

                return await action(parse, dataSource, cancellationToken).ConfigureAwait(false);
            }
            catch (UsageException exception)
            {
                return await Fail(MigrationExitCodes.Usage, exception.Message).ConfigureAwait(false);
            }
            catch (MigrationStateException exception)
            {
                return await Fail(MigrationExitCodes.StateConflict, exception.Message).ConfigureAwait(false);
            }
            catch (SnapshotChecksumException exception)
            {
                return await Fail(MigrationExitCodes.ChecksumMismatch, exception.Message).ConfigureAwait(false);
            }
            catch (ExternalToolException exception)
            {
                return await Fail(MigrationExitCodes.ExternalToolFailed, exception.Message).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is ContractDataException or SchemaException or FileNotFoundException or IOException or UnauthorizedAccessException)
            {
                return await Fail(exception is SchemaException ? MigrationExitCodes.DatabaseError : MigrationExitCodes.Usage, exception.Message).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is NpgsqlException or PostgresException or TimeoutException or System.Net.Sockets.SocketException)
            {
                return await Fail(MigrationExitCodes.DatabaseError, $"database: {OneLine(exception.Message)}").ConfigureAwait(false);
            }
        });
        return command;
    }

    private static void AtLeast(Option<int> option, int minimum) =>
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < minimum)
            {
                r.AddError($"{option.Name} must be {(minimum == 0 ? ">= 0" : "> 0")}, got {r.GetValueOrDefault<int>()}");
            }
        });

    private async Task<int> Fail(int code, string message)
    {
        await error.WriteLineAsync($"stage-migrate: {OneLine(message)}").ConfigureAwait(false);
        return code;
    }

    private async Task<int> Applied(ParseResult parse, ApplyResult result, CancellationToken cancellationToken)
    {
        await Report(parse, result, cancellationToken).ConfigureAwait(false);
        if (result.Error is { } message)
        {
            await error.WriteLineAsync($"stage-migrate: {message}; 'resume' retries it").ConfigureAwait(false);
            return MigrationExitCodes.BatchFailed;
        }

        return MigrationExitCodes.Ok;
    }

    private async Task<int> Report<T>(ParseResult parse, T report, CancellationToken cancellationToken)
    {
        var text = JsonSerializer.Serialize(report, Json);
        if (parse.GetValue(_out) is { Length: > 0 } path)
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

    private Migrator Migrator(ParseResult parse, NpgsqlDataSource dataSource) => new(dataSource, Rules(parse), error, timeProvider);

    private string ConnectionString(ParseResult parse)
    {
        var value = parse.GetValue(_database) ?? environment("STAGE_DATABASE_URL");
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new UsageException("no database: give --database or set STAGE_DATABASE_URL");
        }

        return StageData.ConnectionStrings.Problem(value) is { } problem
            ? throw new UsageException($"the connection string {problem}")
            : value;
    }

    private ContractRules Rules(ParseResult parse) =>
        (parse.GetValue(_contract) ?? environment("STAGE_CONTRACT_FILE")) is { Length: > 0 } path ? ContractRules.FromFile(path) : ContractRules.Default;

    // Bounds of every number are checked at parse time (validators in RunAsync), before any database is touched.
    private int BatchSize(ParseResult parse) => parse.GetValue(_batchSize);

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private sealed class UsageException(string message) : Exception(message);
}
