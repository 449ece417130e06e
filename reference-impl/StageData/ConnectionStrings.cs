namespace StageData;

/// <summary>The one check of a database connection string, shared by the service, the migration tool and the harness.</summary>
public static class ConnectionStrings
{
    /// <summary>Why <paramref name="text"/> is not a usable Npgsql connection string (one that names Host and Database), or null when it is.</summary>
    public static string? Problem(string text)
    {
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(text);
            return string.IsNullOrEmpty(builder.Host) || string.IsNullOrEmpty(builder.Database) ? "must name Host and Database" : null;
        }
        catch (ArgumentException e)
        {
            return $"is not an Npgsql connection string: {e.Message.Split('\n')[0]}";
        }
    }
}
