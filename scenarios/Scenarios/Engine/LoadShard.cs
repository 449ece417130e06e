using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Scenarios.Engine;

/// <summary>
/// Which arrivals of an open-model load one runner sends: shard <see cref="Index"/> of
/// <see cref="Count"/> (numbered from 1) sends exactly the requests whose global index i satisfies
/// i mod Count = Index - 1, at the times the unsharded schedule gives them. The shards are disjoint,
/// their union is the unsharded run's request sequence, and each runs 1/Count of the rate over the
/// same schedule shape; per step the counts differ by at most one (the remainder of the step's total
/// over Count goes to the shards its first index reaches first), so they sum exactly to the total.
/// Because request i is built from its global index, request ids (and so the contract's enforcement
/// bucket of every request) are those of the unsharded run.
/// </summary>
public sealed record LoadShard
{
    /// <summary>Most shards a load may be split into.</summary>
    public const int MaxCount = 1000;

    /// <summary>Shard <paramref name="index"/> of <paramref name="count"/>; throws when not 1 &lt;= index &lt;= count &lt;= <see cref="MaxCount"/>.</summary>
    public LoadShard(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>This shard, 1..<see cref="Count"/>.</summary>
    public int Index { get; }

    /// <summary>Shards in all, 1..<see cref="MaxCount"/>.</summary>
    public int Count { get; }

    /// <summary>The whole load: shard 1 of 1.</summary>
    public static LoadShard Whole { get; } = new(1, 1);

    /// <summary>True for shard 1 of 1.</summary>
    public bool IsWhole => Count == 1;

    /// <summary>True when this shard sends the request with global index <paramref name="index"/>.</summary>
    public bool Owns(long index) => index % Count == Index - 1;

    /// <summary>How many of the requests with global indexes <paramref name="first"/>..<paramref name="first"/>+<paramref name="total"/>-1 this shard sends.</summary>
    public long CountOf(long first, long total)
    {
        // Indexes in [0, end) that are ≡ Index - 1 (mod Count): ceil((end - (Index - 1)) / Count), never negative.
        long Below(long end) => end <= Index - 1 ? 0 : ((end - Index) / Count) + 1;
        return Below(first + total) - Below(first);
    }

    /// <summary>
    /// The measured open-model steps of <paramref name="steps"/> (warm-ups are counted for the global
    /// indexes but left out, as the engine leaves them out of its results), each with the requests the
    /// whole load schedules and those this shard sends.
    /// </summary>
    public IReadOnlyList<ShardedStep> Schedule(IReadOnlyList<LoadStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var result = new List<ShardedStep>();
        long first = 0;
        foreach (var step in steps)
        {
            if (step.Model is not LoadModel.Open open)
            {
                throw new ArgumentException($"step {step.Name}: only open-model steps can be sharded", nameof(steps));
            }

            var total = OpenSchedule.Total(open.StartRate, open.EndRate, step.Duration.TotalSeconds);
            if (!step.WarmUp)
            {
                result.Add(new ShardedStep(step.Name, total, CountOf(first, total)));
            }

            first += total;
        }

        return result;
    }

    /// <summary>
    /// Parses <c>i/n</c> with 1 &lt;= i &lt;= n &lt;= <see cref="MaxCount"/> (shards are numbered from 1);
    /// false with a one-line reason otherwise.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out LoadShard? shard, [NotNullWhen(false)] out string? error)
    {
        shard = null;
        var parts = (text ?? "").Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= MaxCount && index >= 1 && index <= count)
        {
            shard = new LoadShard(index, count);
            error = null;
            return true;
        }

        error = $"must be i/n with 1 <= i <= n <= {MaxCount} (shards are numbered from 1), got '{text}'";
        return false;
    }

    /// <summary><c>2/3</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
