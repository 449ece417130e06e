namespace ReferenceImpl.Api.Hosting;

/// <summary>
/// Whether an exception means the database cannot be used right now (answered 503 so that clients
/// retry) rather than a bug (500). Npgsql's <see cref="Npgsql.NpgsqlException.IsTransient"/> covers
/// lost and refused connections, but not a server that is shutting down: a query in flight when
/// Postgres is stopped (<c>docker stop</c>, a failover) ends in FATAL 57P01 admin_shutdown, which
/// Npgsql does not call transient. Found by the harness's postgres-outage-drill (one 500 in an
/// acceptance run, 2026-12-01).
/// </summary>
public static class DatabaseUnavailable
{
    private const string AdminShutdown = "57P01";
    private const string CrashShutdown = "57P02";
    private const string CannotConnectNow = "57P03";

    /// <summary>True when <paramref name="exception"/> says the database is away, not that a statement was wrong.</summary>
    public static bool Is(Npgsql.NpgsqlException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.IsTransient
            || exception is Npgsql.PostgresException { SqlState: AdminShutdown or CrashShutdown or CannotConnectNow };
    }
}
