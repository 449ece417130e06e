using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using StageContract;

namespace StageMigration.Generation;

/// <summary>
/// Deterministic legacy ("dirty") data, as years of unvalidated writes leave it: canonical values,
/// aliases written every way people write them (case, extra and odd whitespace, underscores,
/// typographic dashes, full-width letters, zero-width characters), unknown values (the contract's
/// deliberately-unknown list and typos), missing stages, distributions with two spellings of one
/// stage, weights rounded to 4 decimals so that sums need rescaling, and a few distributions that
/// cannot be migrated at all. The same options give the same rows (ids offset by existing rows
/// aside); rows are appended with binary COPY, existing rows are never touched.
/// </summary>
public sealed class DirtyDataGenerator(NpgsqlDataSource dataSource, ContractRules rules, TextWriter progress, TimeProvider timeProvider)
{
    private readonly Dictionary<string, string[]> _keysByStage = rules.Normalizer.AliasKeys
        .GroupBy(k => k.Stage, k => k.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private static readonly string[] Typos = ["serie a", "series  d", "seed round", "pre-seeed", "Series E", "growth equity", "Series-A1", "seeed", "late", "bridge"];

    /// <summary>Appends the generated funds, companies and strategies.</summary>
    public async Task<GeneratorResult> GenerateAsync(GeneratorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = timeProvider.GetTimestamp();
        var random = new Random(options.Seed);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var funds = new NpgsqlCommand("""
            INSERT INTO funds (id, name, size, reserve_ratio)
            SELECT g, 'Generated fund ' || g, 10000000 + g * 1000000, 0.4 FROM generate_series(1, @n) g
            ON CONFLICT (id) DO NOTHING
            """, connection))
        {
            funds.Parameters.AddWithValue("n", options.Funds);
            await funds.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long firstId;
        await using (var max = new NpgsqlCommand("SELECT coalesce(max(id), 0) + 1 FROM portfolio_companies", connection))
        {
            firstId = (long)(await max.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY portfolio_companies (id, fund_id, name, stage) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < options.Companies; i++)
            {
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(firstId + i, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync((long)(1 + random.Next(options.Funds)), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"Company {firstId + i}"), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                var stage = CompanyStage(random);
                if (stage is null)
                {
                    await writer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await writer.WriteAsync(stage, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                }

                if ((i + 1) % 100_000 == 0)
                {
                    await progress.WriteLineAsync($"generate: {i + 1:N0}/{options.Companies:N0} companies").ConfigureAwait(false);
                }
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY portfolio_strategies (id, fund_id, name, stage_distribution) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < options.Strategies; i++)
            {
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"gen-{options.Seed:x8}-{i:D8}"), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync((long)(1 + random.Next(options.Funds)), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"Strategy {i}"), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(Distribution(random, options.InvalidShare), NpgsqlDbType.Jsonb, cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var analyze = new NpgsqlCommand("ANALYZE portfolio_companies; ANALYZE portfolio_strategies", connection))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await progress.WriteLineAsync($"generate: {options.Companies:N0} companies and {options.Strategies:N0} strategies (seed {options.Seed})").ConfigureAwait(false);
        return new GeneratorResult(options.Funds, options.Companies, options.Strategies, firstId, timeProvider.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>A company stage: 60% canonical, 28% an alias spelling, 8% unknown, 4% missing or blank.</summary>
    internal string? CompanyStage(Random random)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.60 => rules.Normalizer.Stages[random.Next(rules.Normalizer.Stages.Count)],
            < 0.88 => AliasSpelling(random, rules.Normalizer.Stages[random.Next(rules.Normalizer.Stages.Count)]),
            < 0.96 => Unknown(random),
            < 0.98 => null,
            _ => random.Next(2) == 0 ? "" : "   ",
        };
    }

    /// <summary>A distribution object: 2-6 stages, 15% with one stage spelled twice, 8% with an unknown key, <paramref name="invalidShare"/> invalid.</summary>
    internal string Distribution(Random random, double invalidShare)
    {
        if (invalidShare > 0 && random.NextDouble() < invalidShare)
        {
            return random.Next(2) == 0 ? """{"seed": -0.5, "series-a": 1.5}""" : """{"seed": "0.5", "series-a": 0.5}""";
        }

        var stages = rules.Normalizer.Stages.OrderBy(_ => random.Next()).Take(2 + random.Next(5)).ToList();
        var keys = stages.Select(s => random.NextDouble() < 0.5 ? s : AliasSpelling(random, s)).ToList();
        if (random.NextDouble() < 0.15)
        {
            var twice = random.Next(stages.Count);
            var other = AliasSpelling(random, stages[twice]);
            if (!keys.Contains(other, StringComparer.Ordinal))
            {
                keys.Add(other);
            }
        }

        if (random.NextDouble() < 0.08)
        {
            var unknown = Unknown(random);
            if (!keys.Contains(unknown, StringComparer.Ordinal))
            {
                keys.Add(unknown);
            }
        }

        var raw = keys.Select(_ => 0.05 + random.NextDouble()).ToList();
        var total = raw.Sum();
        var builder = new StringBuilder("{");
        for (var i = 0; i < keys.Count; i++)
        {
            // Rounded to 4 decimals, as legacy forms stored them: sums drift from 1 by up to ~3e-4.
            var weight = Math.Round(raw[i] / total, 4);
            builder.Append(i == 0 ? "" : ", ").Append(System.Text.Json.JsonSerializer.Serialize(keys[i]))
                .Append(": ").Append(weight.ToString("0.0###", CultureInfo.InvariantCulture));
        }

        return builder.Append('}').ToString();
    }

    private string AliasSpelling(Random random, string stage)
    {
        var keys = _keysByStage[stage];
        var key = keys[random.Next(keys.Length)];
        var variant = random.Next(9) switch
        {
            0 => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(key),
            1 => key.ToUpperInvariant(),
            2 => $"  {key} ",
            3 => key.Contains('-', StringComparison.Ordinal) ? key.Replace('-', '\u2013') : key.Replace(' ', '\t'),
            4 => key.Replace(" ", "  ", StringComparison.Ordinal) + "\u200B",
            5 => new string([.. key.Select(c => c is >= 'a' and <= 'z' ? (char)(c - 'a' + '\uFF41') : c)]),
            6 => char.ToUpperInvariant(key[0]) + key[1..],
            _ => key,
        };
        // A variant equal to the canonical name would not be an alias; fall back to upper case.
        return string.Equals(variant, stage, StringComparison.Ordinal) ? stage.ToUpperInvariant() : variant;
    }

    private string Unknown(Random random) =>
        random.Next(2) == 0
            ? rules.Data.DeliberatelyUnknown[random.Next(rules.Data.DeliberatelyUnknown.Count)]
            : Typos[random.Next(Typos.Length)];
}
