using Npgsql;
using NpgsqlTypes;
using ReferenceImpl.Api.Funds;
using StageData.Schema;

namespace ReferenceImpl.Api.Hosting;

/// <summary>At start-up: the versioned schema scripts, then the demo funds and companies when <c>funds</c> is empty.</summary>
public static class DatabaseBootstrap
{
    /// <summary>Brings the schema up to date and seeds an empty database.</summary>
    public static async Task InitializeAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await SchemaMigrator.MigrateAsync(dataSource, cancellationToken).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockFunds = new NpgsqlCommand("LOCK TABLE funds IN SHARE ROW EXCLUSIVE MODE", connection, transaction))
        {
            await lockFunds.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var any = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM funds)", connection, transaction))
        {
            if ((bool)(await any.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return;
            }
        }

        await using (var funds = new NpgsqlCommand("INSERT INTO funds (id, name, size, reserve_ratio) SELECT * FROM unnest(@i, @n, @s, @r)", connection, transaction))
        {
            funds.Parameters.AddWithValue("i", FundCatalog.DemoFunds.Select(f => f.Id).ToArray());
            funds.Parameters.AddWithValue("n", FundCatalog.DemoFunds.Select(f => f.Name).ToArray());
            funds.Parameters.AddWithValue("s", FundCatalog.DemoFunds.Select(f => f.Size).ToArray());
            funds.Parameters.AddWithValue("r", FundCatalog.DemoFunds.Select(f => f.ReserveRatio).ToArray());
            await funds.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var companies = new NpgsqlCommand("INSERT INTO portfolio_companies (id, fund_id, name, stage) SELECT * FROM unnest(@i, @f, @n, @s)", connection, transaction))
        {
            companies.Parameters.AddWithValue("i", FundCatalog.DemoCompanies.Select(c => c.Company.Id).ToArray());
            companies.Parameters.AddWithValue("f", FundCatalog.DemoCompanies.Select(c => c.FundId).ToArray());
            companies.Parameters.AddWithValue("n", FundCatalog.DemoCompanies.Select(c => c.Company.Name).ToArray());
            companies.Parameters.AddWithValue("s", NpgsqlDbType.Array | NpgsqlDbType.Text, FundCatalog.DemoCompanies.Select(c => c.Company.Stage).ToArray());
            await companies.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
