using System.Text.Json.Serialization;
using Harness.Engine.Plans;
using Harness.Engine.Reports;
using Scenarios.Engine;

namespace Harness.Engine.Sharding;

/// <summary>
/// What <c>rehearse load --shard i/n</c> writes: one shard of a phase's load, raw (every load gate's
/// <c>LoadResult</c>: HdrHistogram value/count pairs, counters, classes, per-second series), with
/// what <c>rehearse merge</c> needs to merge the shards exactly and judge them later: the format, the
/// plan and phase, the seed, the shard, the target, the versions and every load gate's declaration.
/// Its JSON form is documented in <c>harness/README.md</c>.
/// </summary>
public sealed record LoadShardFile
{
    /// <summary>Value of <see cref="Format"/>.</summary>
    public const string CurrentFormat = "rehearse-load-shard";

    /// <summary>Current value of <see cref="FormatVersion"/>.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Names the document; default <see cref="CurrentFormat"/>.</summary>
    public string Format { get; init; } = CurrentFormat;

    /// <summary>Version of the document's shape; default <see cref="CurrentFormatVersion"/>.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The phase whose load this is.</summary>
    public required string Phase { get; init; }

    /// <summary>The phase's one-line description.</summary>
    public string PhaseDescription { get; init; } = "";

    /// <summary>The plan the phase came from (source, SHA-256 of its text, version).</summary>
    public required ReportPlan Plan { get; init; }

    /// <summary>The configuration the phase requires: the contract's answers are expected under it.</summary>
    public required PhaseConfiguration Configuration { get; init; }

    /// <summary>Seed of the generated requests: every shard of one load has the same.</summary>
    public required int Seed { get; init; }

    /// <summary>Which shard this is (numbered from 1) and of how many.</summary>
    public required LoadShard Shard { get; init; }

    /// <summary>What the load went to (<c>embedded</c>: each shard's own reference service, or <c>url</c>); no observed configuration.</summary>
    public required ReportTarget Target { get; init; }

    /// <summary>Versions of the harness and the contract data: they decide the generated requests.</summary>
    public required ReportVersions Versions { get; init; }

    /// <summary>When this shard started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it finished (UTC).</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>Every load gate of the phase, in plan order, with its raw result.</summary>
    public required IReadOnlyList<LoadShardGate> Gates { get; init; }

    /// <summary>Ids of the phase's other gates, which <c>merge</c> does not judge (the rehearsal does).</summary>
    public IReadOnlyList<string> NotJudged { get; init; } = [];

    /// <summary>Where the document was read from, for messages; not part of the JSON.</summary>
    [JsonIgnore]
    public string Source { get; init; } = "";
}
