namespace StageMigration.Generation;

/// <summary>How much legacy data to generate, and from which seed.</summary>
/// <param name="Companies">Company rows.</param>
/// <param name="Strategies">Strategy rows.</param>
/// <param name="Funds">Funds the rows are spread over (created when missing).</param>
/// <param name="Seed">Generator seed.</param>
/// <param name="InvalidShare">Share of distributions that cannot be migrated at all (negative or non-numeric weights); default none. Verify fails on them and lists them: they need a person.</param>
public sealed record GeneratorOptions(int Companies = 100_000, int Strategies = 20_000, int Funds = 50, int Seed = 1, double InvalidShare = 0);
