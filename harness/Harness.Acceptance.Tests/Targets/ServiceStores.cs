namespace Harness.Acceptance.Tests.Targets;

/// <summary>Where a reference service keeps its data: a Postgres database of its own and a Redis logical database of its own.</summary>
/// <param name="Database">Npgsql connection string; the harness gets it as <c>--database</c>.</param>
/// <param name="Redis">StackExchange.Redis configuration.</param>
public sealed record ServiceStores(string Database, string Redis);
