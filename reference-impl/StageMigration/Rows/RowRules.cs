using StageMigration.Tables;

namespace StageMigration.Rows;

/// <summary>Applies the <see cref="RowNormalizer"/> rule that belongs to a table.</summary>
public static class RowRules
{
    /// <summary>The outcome for one row of <paramref name="table"/>.</summary>
    public static RowOutcome Evaluate(this RowNormalizer normalizer, MigratedTable table, string? value)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(table);
        return table == MigratedTable.Companies
            ? normalizer.Company(value)
            : value is null ? new RowOutcome(null, [], "the distribution is NULL") : normalizer.Distribution(value);
    }

    /// <summary>SHA-256 of the alias table the rule uses, recorded with every run.</summary>
    public static string MappingSha256(StageContract.ContractRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var text = string.Join('\n', rules.Normalizer.AliasKeys.Select(k => $"{k.Key}\t{k.Stage}").Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}
