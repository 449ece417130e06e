using System.CommandLine;

namespace StageMigration.Verbs;

/// <summary>The options every verb takes (recursive on the root command).</summary>
internal sealed class GlobalOptions
{
    public GlobalOptions() => OptionBounds.AtLeast(BatchSize, 1);

    /// <summary><c>--database</c>, <c>-d</c>: the Npgsql connection string; default <c>$STAGE_DATABASE_URL</c>.</summary>
    public Option<string?> Database { get; } = new("--database", "-d") { Description = "Npgsql connection string; default $STAGE_DATABASE_URL.", Recursive = true };

    /// <summary><c>--contract-file</c>: the contract data file; default <c>$STAGE_CONTRACT_FILE</c>, else the shipped contract.</summary>
    public Option<string?> ContractFile { get; } = new("--contract-file") { Description = "Contract data file; default $STAGE_CONTRACT_FILE, else the shipped contract.", Recursive = true };

    /// <summary><c>--batch-size</c>: rows per keyset batch; default 5000, at least 1.</summary>
    public Option<int> BatchSize { get; } = new("--batch-size") { Description = "Rows per batch (keyset).", DefaultValueFactory = _ => 5000, Recursive = true };

    /// <summary><c>--out</c>, <c>-o</c>: write the JSON report to this file; default standard output.</summary>
    public Option<string?> Out { get; } = new("--out", "-o") { Description = "Write the JSON report to this file instead of standard output.", Recursive = true };

    /// <summary>All four, in the order the help lists them.</summary>
    public IEnumerable<Option> All => [Database, ContractFile, BatchSize, Out];
}
