using Npgsql;

namespace ReferenceImpl.Api.Funds;

/// <summary>Funds and companies from <c>funds</c> and <c>portfolio_companies</c>.</summary>
public sealed class PostgresFundDirectory(NpgsqlDataSource dataSource) : IFundDirectory
{
    public async Task<Fund?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id, name, size, reserve_ratio FROM funds WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new Fund(reader.GetInt64(0), reader.GetString(1), reader.GetDecimal(2), reader.GetDecimal(3))
            : null;
    }

    public async Task<IReadOnlyList<Company>?> CompaniesAsync(long fundId, IReadOnlyCollection<string>? stages, CancellationToken cancellationToken)
    {
        if (await FindAsync(fundId, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        await using var command = dataSource.CreateCommand(stages is null
            ? "SELECT id, name, stage FROM portfolio_companies WHERE fund_id = @f ORDER BY id"
            : "SELECT id, name, stage FROM portfolio_companies WHERE fund_id = @f AND stage = ANY(@s) ORDER BY id");
        command.Parameters.AddWithValue("f", fundId);
        if (stages is not null)
        {
            command.Parameters.AddWithValue("s", stages.ToArray());
        }

        var companies = new List<Company>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            companies.Add(new Company(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return companies;
    }
}
