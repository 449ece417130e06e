using System.Net;
using Npgsql;
using ReferenceImpl.Api.Funds;
using ReferenceImpl.Api.Hosting;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests;

/// <summary>
/// Contract section 5: a database that is away is a 503 problem+json the client may retry, never a
/// 500, including a server shutting down under a query in flight (FATAL 57P01, which Npgsql does
/// not call transient); a statement the server refuses is still a bug, a 500.
/// </summary>
public sealed class DatabaseUnavailableTests
{
    [Theory]
    [InlineData("57P01", HttpStatusCode.ServiceUnavailable)] // admin_shutdown: docker stop, a failover
    [InlineData("57P02", HttpStatusCode.ServiceUnavailable)] // crash_shutdown
    [InlineData("57P03", HttpStatusCode.ServiceUnavailable)] // cannot_connect_now: starting up
    [InlineData("08006", HttpStatusCode.ServiceUnavailable)] // connection_failure
    [InlineData("42P01", HttpStatusCode.InternalServerError)] // undefined_table: a bug, not an outage
    public async Task ServerError_IsAnsweredByWhatItSaysAboutTheDatabase(string sqlState, HttpStatusCode expected)
    {
        var failing = new FailingDirectory(new PostgresException("the server says no", "FATAL", "FATAL", sqlState));
        await using var host = await ServiceHost.StartAsync(new ServiceOptions { Modes = new ModeSettings { GlobalMode = ValidationMode.Warn }, FundDirectory = failing });
        using var response = await StageEndpoint.Named("companies").SendAsync(host, "seed", null);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected == HttpStatusCode.ServiceUnavailable, response.Headers.RetryAfter is not null);
    }

    [Fact]
    public void Is_ALostConnection_AndNotAStatementTheServerRefused()
    {
        Assert.True(DatabaseUnavailable.Is(new NpgsqlException("Exception while connecting", new System.Net.Sockets.SocketException(111))));
        Assert.True(DatabaseUnavailable.Is(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01")));
        Assert.False(DatabaseUnavailable.Is(new PostgresException("duplicate key value", "ERROR", "ERROR", "23505")));
    }

    private sealed class FailingDirectory(Exception failure) : IFundDirectory
    {
        public Task<Fund?> FindAsync(long id, CancellationToken cancellationToken) => throw failure;

        public Task<IReadOnlyList<Company>?> CompaniesAsync(long fundId, IReadOnlyCollection<string>? stages, CancellationToken cancellationToken) => throw failure;
    }
}
