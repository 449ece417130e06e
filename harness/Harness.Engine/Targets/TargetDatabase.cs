namespace Harness.Engine.Targets;

/// <summary>
/// The database behind a target, for the migration gates: an Npgsql connection string and the
/// migration tool (<c>stage-migrate.dll</c>, run with <c>dotnet</c>). The migration rehearsal
/// changes this database and proves it restores it exactly; point it at a staging copy, never at
/// production.
/// </summary>
/// <param name="ConnectionString">Npgsql connection string of the target's database.</param>
/// <param name="MigrationTool">Path of <c>stage-migrate.dll</c>.</param>
public sealed record TargetDatabase(string ConnectionString, string MigrationTool)
{
    /// <summary>Host and database, without credentials, for reports.</summary>
    public string Describe()
    {
        var parts = ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim().ToUpperInvariant(), p => p[1].Trim());
        var host = parts.GetValueOrDefault("HOST", "?");
        var port = parts.GetValueOrDefault("PORT", "5432");
        var database = parts.GetValueOrDefault("DATABASE", "?");
        return $"postgres://{host}:{port}/{database}";
    }
}
