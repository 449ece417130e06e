using Npgsql;
using StageContract;
using StageMigration.Rows;
using StageMigration.Tables;

namespace StageMigration.Planning;

/// <summary><c>plan</c>: a read-only scan of both tables, computing what <c>apply</c> would do.</summary>
public sealed class Planner(NpgsqlDataSource dataSource, ContractRules rules, TextWriter progress)
{
    private readonly RowNormalizer _normalizer = new(rules);

    /// <summary>Scans and reports.</summary>
    public async Task<MigrationPlan> PlanAsync(int batchSize, CancellationToken cancellationToken)
    {
        var mapping = new StageValueTally();
        var tables = new List<TablePlan>();
        var invalidRows = new List<InvalidRow>();
        foreach (var table in MigratedTable.All)
        {
            long rows = 0, change = 0, unmappable = 0, invalid = 0, rescaled = 0, merged = 0;
            var byStage = new SortedDictionary<string, long>(StringComparer.Ordinal);
            await foreach (var batch in StageRowReader.ScanAsync(dataSource, table, batchSize, cancellationToken).ConfigureAwait(false))
            {
                foreach (var row in batch)
                {
                    rows++;
                    var outcome = _normalizer.Evaluate(table, row.Value);
                    if (outcome.IsUnmappable)
                    {
                        unmappable++;
                    }

                    if (outcome.InvalidReason is { } reason)
                    {
                        invalid++;
                        if (invalidRows.Count < 100)
                        {
                            invalidRows.Add(new InvalidRow(table.Name, row.Id, reason));
                        }
                    }

                    if (table == MigratedTable.Companies)
                    {
                        mapping.Add(row.Value, company: true);
                        if (outcome.NewValue is { } stage)
                        {
                            change++;
                            byStage[stage] = byStage.GetValueOrDefault(stage) + 1;
                        }

                        continue;
                    }

                    if (outcome.InvalidReason is null && row.Value is not null)
                    {
                        var (keys, sum) = Read(row.Value);
                        foreach (var key in keys)
                        {
                            mapping.Add(key, company: false);
                        }

                        if (outcome.NewValue is { } value)
                        {
                            change++;
                            var newKeys = Read(value).Keys;
                            merged += newKeys.Count < keys.Count ? 1 : 0;
                            rescaled += Math.Abs(1 - sum) > rules.Data.RescaleTolerance ? 1 : 0;
                            foreach (var key in newKeys.Where(k => !keys.Contains(k)))
                            {
                                byStage[key] = byStage.GetValueOrDefault(key) + 1;
                            }
                        }
                    }
                }

                await progress.WriteLineAsync($"plan: {table.Name}: {rows:N0} rows scanned").ConfigureAwait(false);
            }

            tables.Add(new TablePlan(table.Name, rows, change, unmappable, invalid, rescaled, merged, byStage));
        }

        var entries = mapping.Values
            .Select(v =>
            {
                var m = _normalizer.Map(v.Raw);
                return new PlannedMapping(v.Raw, m.Canonical, m.Kind.ToString().ToLowerInvariant(), v.Companies, v.Keys);
            })
            .OrderBy(m => m.Canonical ?? "\uffff", StringComparer.Ordinal).ThenBy(m => m.Raw ?? "", StringComparer.Ordinal)
            .ToList();
        return new MigrationPlan(
            RowRules.MappingSha256(rules),
            tables,
            [.. entries.Where(e => e.Kind == "alias")],
            [.. entries.Where(e => e.Kind == "unknown")],
            invalidRows);
    }

    /// <summary>A distribution's keys and the sum of its weights (the rule has accepted it, so every weight is a number).</summary>
    private static (List<string> Keys, double Sum) Read(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var properties = document.RootElement.EnumerateObject().ToList();
        return ([.. properties.Select(p => p.Name)], properties.Sum(p => p.Value.GetDouble()));
    }
}
