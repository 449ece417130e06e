using Npgsql;
using ReferenceImpl.Api.Hosting;

namespace ReferenceImpl.Api.Tests;

/// <summary>The reference's bounds on its database calls: added where the connection string is silent, never over a team's own.</summary>
public sealed class DatabaseBoundsTests
{
    [Fact]
    public void Silent_GetsTheReferencesBounds()
    {
        var bounded = new NpgsqlConnectionStringBuilder(DatabaseBounds.Apply("Host=db;Port=5432;Database=stages;Username=u;Password=p"));
        Assert.Equal(DatabaseBounds.ConnectSeconds, bounded.Timeout);
        Assert.Equal(DatabaseBounds.CommandSeconds, bounded.CommandTimeout);
        Assert.Equal("db", bounded.Host);
        Assert.Equal("p", bounded.Password);
    }

    [Theory]
    [InlineData("Host=db;Timeout=20;Command Timeout=60", 20, 60)]
    [InlineData("Host=db;timeout=7;CommandTimeout=9", 7, 9)]
    [InlineData("Host=db;Timeout=11", 11, DatabaseBounds.CommandSeconds)]
    public void Explicit_KeepsItsOwn(string connectionString, int connect, int command)
    {
        var bounded = new NpgsqlConnectionStringBuilder(DatabaseBounds.Apply(connectionString));
        Assert.Equal(connect, bounded.Timeout);
        Assert.Equal(command, bounded.CommandTimeout);
    }
}
