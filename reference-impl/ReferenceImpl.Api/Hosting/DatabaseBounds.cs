using System.Data.Common;
using Npgsql;

namespace ReferenceImpl.Api.Hosting;

/// <summary>
/// The reference's own bounds on its database calls (contract section 5: a database that is gone is a clean 503,
/// never a hang). Npgsql's defaults wait 15 s to connect and 30 s per command; a database that vanishes without
/// closing its connections (a stopped container whose packets are dropped while Docker tears its network down, a
/// cut link) would hold a request that long. Found by the postgres-outage-drill on the embedded target under a busy
/// machine: 53 requests with no answer within 10 s. A connection string that sets either keeps its own.
/// </summary>
public static class DatabaseBounds
{
    /// <summary>Seconds to open a connection (or wait for one from the pool).</summary>
    public const int ConnectSeconds = 3;

    /// <summary>Seconds a command may run.</summary>
    public const int CommandSeconds = 5;

    /// <summary><paramref name="connectionString"/> with the bounds added where it does not set them.</summary>
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var bounded = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Timeout"))
        {
            bounded.Timeout = ConnectSeconds;
        }

        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout"))
        {
            bounded.CommandTimeout = CommandSeconds;
        }

        return bounded.ConnectionString;
    }
}
