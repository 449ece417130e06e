using ReferenceImpl.Api.Hosting;

namespace ReferenceImpl.Api.Tests;

/// <summary>The service bounds its waits on the database unless the connection string says otherwise.</summary>
public sealed class DatabaseTimeoutTests
{
    [Fact]
    public void Bounded_NoTimeoutsGiven_ConnectsIn3sAndCommandsIn5s()
    {
        var bounded = new Npgsql.NpgsqlConnectionStringBuilder(ReferenceService.Bounded("Host=db;Database=stages;Username=u;Password=p"));
        Assert.Equal(3, bounded.Timeout);
        Assert.Equal(5, bounded.CommandTimeout);
    }

    [Fact]
    public void Bounded_TimeoutsGiven_KeepsThem()
    {
        var bounded = new Npgsql.NpgsqlConnectionStringBuilder(ReferenceService.Bounded("Host=db;Timeout=15;Command Timeout=30"));
        Assert.Equal(15, bounded.Timeout);
        Assert.Equal(30, bounded.CommandTimeout);
    }
}
