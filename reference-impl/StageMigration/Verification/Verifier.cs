using System.Text.Json;
using Npgsql;
using StageContract;
using StageContract.Normalization;
using StageMigration.Planning;
using StageMigration.Rows;
using StageMigration.Runs;
using StageMigration.Tables;

namespace StageMigration.Verification;

/// <summary>
/// <c>verify</c> (contract section 10), read-only: row counts equal to those recorded when the
/// newest run started; every stage canonical or listed as unmappable; every distribution sums to 1
/// within 1e-6 (invalid distributions are listed and fail the check); the newest run completed
/// with no failed batch left; and a second apply would change nothing (the rule applied to every
/// row changes no row).
/// </summary>
public sealed class Verifier(NpgsqlDataSource dataSource, ContractRules rules, TextWriter progress)
{
    private readonly RowNormalizer _normalizer = new(rules);

    /// <summary>Checks every invariant.</summary>
    public async Task<VerifyReport> VerifyAsync(int batchSize, CancellationToken cancellationToken)
    {
        MigrationRun? run;
        long companies, strategies;
        long failedBatches;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            run = await MigrationState.LatestRunAsync(connection, cancellationToken).ConfigureAwait(false);
            (companies, strategies) = await MigrationState.CountRowsAsync(connection, cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(
                // A retried batch overwrites its failed row with 'completed', so what is left in the view was never retried.
                "SELECT count(*) FROM stage_migration_failures WHERE run_id = @r",
                connection);
            command.Parameters.AddWithValue("r", run?.RunId ?? -1);
            failedBatches = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var checks = new List<VerifyCheck>();
        checks.Add(run is null
            ? new VerifyCheck("run-completed", false, "no migration run is recorded", [])
            : new VerifyCheck("run-completed", run.Status == "completed" && failedBatches == 0,
                $"run {run.RunId} is {run.Status}; {failedBatches} failed batch(es) not retried", []));
        checks.Add(run is null
            ? new VerifyCheck("row-counts", false, "no run recorded the counts before the migration", [])
            : new VerifyCheck("row-counts", companies == run.CompaniesRowsBefore && strategies == run.StrategiesRowsBefore,
                $"companies {run.CompaniesRowsBefore:N0} before, {companies:N0} now; strategies {run.StrategiesRowsBefore:N0} before, {strategies:N0} now", []));

        var aliasStages = new List<string>();
        long aliasStageCount = 0;
        var badSums = new List<string>();
        long badSumCount = 0;
        var aliasKeys = new List<string>();
        long aliasKeyCount = 0;
        var wouldChange = new List<string>();
        long wouldChangeCount = 0;
        var unmappable = new StageValueTally();
        foreach (var table in MigratedTable.All)
        {
            long scanned = 0;
            await foreach (var batch in StageRowReader.ScanAsync(dataSource, table, batchSize, cancellationToken).ConfigureAwait(false))
            {
                foreach (var row in batch)
                {
                    var where = $"{table.Name}:{row.Id}";
                    var outcome = _normalizer.Evaluate(table, row.Value);
                    if (outcome.Changes)
                    {
                        Add(wouldChange, ref wouldChangeCount, where);
                    }

                    if (table == MigratedTable.Companies)
                    {
                        var stage = rules.Normalizer.Normalize(RawStage.FromString(row.Value));
                        if (stage.Kind == StageKind.Alias)
                        {
                            Add(aliasStages, ref aliasStageCount, where);
                        }
                        else if (stage.Kind == StageKind.Unknown)
                        {
                            unmappable.Add(row.Value, company: true);
                        }

                        continue;
                    }

                    if (outcome.InvalidReason is not null || row.Value is null)
                    {
                        Add(badSums, ref badSumCount, $"{where} ({outcome.InvalidReason})");
                        continue;
                    }

                    using var document = JsonDocument.Parse(row.Value);
                    var sum = 0.0;
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        sum += property.Value.GetDouble();
                        var key = rules.Normalizer.Normalize(RawStage.FromString(property.Name));
                        if (key.Kind == StageKind.Alias)
                        {
                            Add(aliasKeys, ref aliasKeyCount, $"{where} key '{property.Name}'");
                        }
                        else if (key.Kind == StageKind.Unknown)
                        {
                            unmappable.Add(property.Name, company: false);
                        }
                    }

                    if (Math.Abs(1 - sum) > rules.Data.RescaleTolerance)
                    {
                        Add(badSums, ref badSumCount, $"{where} (sum {sum:R})");
                    }
                }

                scanned += batch.Count;
                await progress.WriteLineAsync($"verify: {table.Name}: {scanned:N0} rows checked").ConfigureAwait(false);
            }
        }

        checks.Add(new VerifyCheck("stages-canonical-or-unmappable", aliasStageCount == 0 && aliasKeyCount == 0,
            $"{aliasStageCount:N0} company stage(s) and {aliasKeyCount:N0} distribution key(s) are still aliases; {unmappable.Count:N0} distinct unmappable value(s) listed",
            [.. aliasStages.Concat(aliasKeys).Take(20)]));
        checks.Add(new VerifyCheck("distributions-sum-to-1", badSumCount == 0,
            $"{badSumCount:N0} distribution(s) do not sum to 1 within {rules.Data.RescaleTolerance:G} or are invalid", badSums));
        checks.Add(new VerifyCheck("second-apply-changes-nothing", wouldChangeCount == 0,
            $"a second apply would change {wouldChangeCount:N0} row(s)", wouldChange));

        var listed = unmappable.Values
            .Select(v => new PlannedMapping(v.Raw, null, "unknown", v.Companies, v.Keys))
            .OrderByDescending(v => v.Companies + v.DistributionKeys).ThenBy(v => v.Raw ?? "", StringComparer.Ordinal)
            .ToList();
        return new VerifyReport(run?.RunId, run?.Status, companies, strategies, checks, listed);
    }

    private static void Add(List<string> list, ref long count, string item)
    {
        count++;
        if (list.Count < 20)
        {
            list.Add(item);
        }
    }
}
