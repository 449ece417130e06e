namespace Harness.Engine.Diff;

/// <summary>The outcome of a dual-run diff: what was sent where, under which rules, and what differed. One immutable model; every format is a writer of it.</summary>
public sealed record DiffReport
{
    /// <summary>The targets.</summary>
    public required DiffTargets Targets { get; init; }

    /// <summary>The seed of the generated requests and their request ids.</summary>
    public required int Seed { get; init; }

    /// <summary>Where the settings came from: <c>defaults</c> or the plan file.</summary>
    public required string PlanSource { get; init; }

    /// <summary>Whether writes were sent.</summary>
    public required DiffWrites Writes { get; init; }

    /// <summary>Every ignore rule in force, defaults first.</summary>
    public required IReadOnlyList<string> Ignore { get; init; }

    /// <summary>The declared expectations, by name.</summary>
    public required IReadOnlyList<string> Expect { get; init; }

    /// <summary>The threshold on the share of differing requests.</summary>
    public required string Threshold { get; init; }

    /// <summary>Confidence of the score interval.</summary>
    public required double Confidence { get; init; }

    /// <summary>The traffic.</summary>
    public required DiffTraffic Traffic { get; init; }

    /// <summary>Every group of differences: counted, expected, noise.</summary>
    public required IReadOnlyList<DiffGroup> Groups { get; init; }

    /// <summary>The judgement.</summary>
    public required DiffJudgement Judgement { get; init; }

    /// <summary>What went wrong along the way (fixtures, unanswered requests), at most a few lines.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>When the run started and finished.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run finished.</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>The groups of one class.</summary>
    public IReadOnlyList<DiffGroup> Of(DiffClass @class) => [.. Groups.Where(g => g.Class == @class)];
}
