namespace Scenarios.Engine;

/// <summary>One measured open-model step of a sharded load: how many requests the whole load schedules in it, and how many of them one shard sends.</summary>
/// <param name="Name">The step.</param>
/// <param name="Total">Requests the unsharded schedule has in the step.</param>
/// <param name="Requests">Requests of the step that the shard sends (its global indexes); the shards' counts sum to <paramref name="Total"/>.</param>
public sealed record ShardedStep(string Name, long Total, long Requests);
