using System.Diagnostics;
using System.Globalization;
using Harness.Containers;
using Npgsql;
using StageContract;
using StageData.Schema;
using StageMigration.Apply;
using StageMigration.Generation;
using StageMigration.Rows;

// dotnet StageMigration.Benchmarks.dll [rows=1000000] [rounds=3]
// The same generated table is copied from a template database for every measurement; each round
// measures the baseline (one set-based UPDATE of exactly the rows apply changes, through a mapping
// table built from the same rule) and apply (keyset batches of 5,000, one transaction per batch with
// its audit rows and batch record), alternating which goes first.
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var log = Console.Error;

await using var engine = await ContainerEngine.EnsureAsync(log, CancellationToken.None);
await using var container = RehearsalContainers.Postgres("bench_admin");
await container.StartAsync();
string Db(string name) => new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Database = name, Pooling = false }.ConnectionString;
async Task Admin(string sql)
{
    await using var connection = new NpgsqlConnection(Db("postgres"));
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
    await command.ExecuteNonQueryAsync();
}

await Admin("CREATE DATABASE bench_template");
await using (var template = NpgsqlDataSource.Create(Db("bench_template")))
{
    await SchemaMigrator.MigrateAsync(template, CancellationToken.None);
    await new DirtyDataGenerator(template, ContractRules.Default, log, TimeProvider.System)
        .GenerateAsync(new GeneratorOptions(Companies: rows, Strategies: 0, Funds: 50, Seed: 1), CancellationToken.None);
    await using var vacuum = template.CreateCommand("VACUUM ANALYZE");
    await vacuum.ExecuteNonQueryAsync();
}

var applySeconds = new List<double>();
var updateSeconds = new List<double>();
long changedByApply = 0, changedByUpdate = 0;
for (var round = 0; round < rounds; round++)
{
    foreach (var which in round % 2 == 0 ? new[] { "update", "apply" } : ["apply", "update"])
    {
        var name = $"bench_{which}_{round}";
        await Admin($"CREATE DATABASE {name} TEMPLATE bench_template");
        await using (var data = NpgsqlDataSource.Create(Db(name)))
        {
            await using (var checkpoint = data.CreateCommand("CHECKPOINT"))
            {
                await checkpoint.ExecuteNonQueryAsync();
            }

            if (which == "apply")
            {
                var clock = Stopwatch.StartNew();
                var result = await new Migrator(data, ContractRules.Default, TextWriter.Null, TimeProvider.System).ApplyAsync(new ApplyOptions(int.Parse(Environment.GetEnvironmentVariable("BENCH_BATCH") ?? "5000", CultureInfo.InvariantCulture), 0), CancellationToken.None);
                applySeconds.Add(clock.Elapsed.TotalSeconds);
                changedByApply = result.RowsChanged;
            }
            else
            {
                // The mapping table is the rule's answer for every distinct stored value (built before the clock starts).
                var normalizer = RowNormalizer.Default;
                var distinct = new List<string>();
                await using (var select = data.CreateCommand("SELECT DISTINCT stage FROM portfolio_companies WHERE stage IS NOT NULL"))
                await using (var reader = await select.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        distinct.Add(reader.GetString(0));
                    }
                }

                var map = distinct.Select(v => (Raw: v, New: normalizer.Company(v).NewValue)).Where(m => m.New is not null).ToList();
                await using (var create = data.CreateCommand("CREATE TABLE stage_map (raw text PRIMARY KEY, canonical text NOT NULL)"))
                {
                    await create.ExecuteNonQueryAsync();
                }

                await using (var fill = data.CreateCommand("INSERT INTO stage_map SELECT * FROM unnest(@r::text[], @c::text[]); ANALYZE stage_map"))
                {
                    fill.Parameters.AddWithValue("r", map.Select(m => m.Raw).ToArray());
                    fill.Parameters.AddWithValue("c", map.Select(m => m.New!).ToArray());
                    await fill.ExecuteNonQueryAsync();
                }

                var clock = Stopwatch.StartNew();
                await using var update = data.CreateCommand("UPDATE portfolio_companies c SET stage = m.canonical FROM stage_map m WHERE c.stage = m.raw");
                update.CommandTimeout = 0;
                changedByUpdate = await update.ExecuteNonQueryAsync();
                updateSeconds.Add(clock.Elapsed.TotalSeconds);
            }
        }

        await Admin($"DROP DATABASE {name} WITH (FORCE)");
        log.WriteLine($"round {round + 1}: {which} done");
    }
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
var ratios = applySeconds.Zip(updateSeconds, (a, u) => a / u).ToList();
Console.WriteLine($"rows: {rows:N0} companies; changed by apply: {changedByApply:N0}; by the UPDATE: {changedByUpdate:N0}");
Console.WriteLine("| round | set-based UPDATE (s) | apply (s) | apply / UPDATE |");
Console.WriteLine("| ---: | ---: | ---: | ---: |");
for (var i = 0; i < rounds; i++)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {i + 1} | {updateSeconds[i]:F2} | {applySeconds[i]:F2} | {ratios[i]:F2} |"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median ratio: {Median(ratios):F2} (goal: at most 2.00)"));
return changedByApply == changedByUpdate ? 0 : 1;
