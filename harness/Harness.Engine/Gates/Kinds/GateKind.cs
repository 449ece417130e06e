using Harness.Engine.Plans;

namespace Harness.Engine.Gates.Kinds;

/// <summary>
/// Everything about a gate kind, declared once by the kind itself: what it measures, its options
/// record (parameters, defaults, ranges), its threshold's unit and default, what it needs beyond
/// HTTP, and how to build it. The registry, the plan errors, the runner's needs check,
/// <c>rehearse phases --kinds</c> and the README's gate table all read this.
/// </summary>
public sealed record GateKind
{
    /// <summary>The kind's name in plans, for example <c>error-rate</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What it measures, in one line.</summary>
    public required string Measures { get; init; }

    /// <summary>The options record its parameters bind to (<see cref="GateOptionsBinder"/>).</summary>
    public required Type OptionsType { get; init; }

    /// <summary>The unit its threshold is written in.</summary>
    public required ThresholdUnit Unit { get; init; }

    /// <summary>The threshold used when the plan gives none; null when there is none (see <see cref="RequiresUpperLimit"/>).</summary>
    public string? DefaultThreshold { get; init; }

    /// <summary>True when the plan must give the threshold, as an upper limit (<c>&lt;</c> or <c>&lt;=</c>).</summary>
    public bool RequiresUpperLimit { get; init; }

    /// <summary>What the docs show as the threshold when the kind judges against something other than a number (an interval); empty otherwise.</summary>
    public string ThresholdNote { get; init; } = "";

    /// <summary>A threshold to show in errors and docs, for example <c>&lt; 1%</c>.</summary>
    public required string ThresholdExample { get; init; }

    /// <summary>True when the threshold may be written in any unit (a PromQL expression's value is whatever it measures); the plan must then give one.</summary>
    public bool AnyUnit { get; init; }

    /// <summary>What it needs beyond the target's HTTP API.</summary>
    public GateNeeds Needs { get; init; }

    /// <summary>When it is Inconclusive, in a few words; empty when never.</summary>
    public string InconclusiveWhen { get; init; } = "";

    /// <summary>Checks bound options beyond each parameter's range (a required string); null when they are usable.</summary>
    public Func<object, string?>? CheckOptions { get; init; }

    /// <summary>Checks the plan's threshold beyond its unit (an operator the kind cannot judge); null when it is usable. Not called without a threshold.</summary>
    public Func<Threshold, string?>? CheckThreshold { get; init; }

    /// <summary>Builds the gate from its spec and its bound options.</summary>
    public required Func<GateSpec, object, IGate> Build { get; init; }

    /// <summary>A kind whose options are <typeparamref name="TOptions"/>.</summary>
    public static GateKind For<TOptions>(string name, string measures, ThresholdUnit unit, string thresholdExample, Func<GateSpec, TOptions, IGate> build)
        where TOptions : new()
    {
        ArgumentNullException.ThrowIfNull(build);
        return new GateKind
        {
            Name = name,
            Measures = measures,
            OptionsType = typeof(TOptions),
            Unit = unit,
            ThresholdExample = thresholdExample,
            Build = (spec, options) => build(spec, (TOptions)options),
        };
    }

    /// <summary>The gate, or why the spec cannot make one: threshold unit, a required upper limit, then the parameters.</summary>
    public GateCreation Create(GateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (AnyUnit && spec.Threshold is null)
        {
            return GateCreation.Invalid($"{spec.Kind} needs a threshold (for example \"{ThresholdExample}\")");
        }

        if (!AnyUnit && GateChecks.Unit(spec, Unit, ThresholdExample) is { } wrongUnit)
        {
            return GateCreation.Invalid(wrongUnit);
        }

        if (RequiresUpperLimit && GateChecks.UpperLimit(spec, ThresholdExample) is { } notUpperLimit)
        {
            return GateCreation.Invalid(notUpperLimit);
        }

        if (spec.Threshold is { } threshold && CheckThreshold?.Invoke(threshold) is { } unusable)
        {
            return GateCreation.Invalid($"{spec.Kind}: {unusable}");
        }

        var (options, error) = GateOptionsBinder.Bind(OptionsType, spec.Parameters);
        if (error is not null)
        {
            return GateCreation.Invalid(error);
        }

        return CheckOptions?.Invoke(options!) is { } problem ? GateCreation.Invalid($"{spec.Kind}: {problem}") : GateCreation.Of(Build(spec, options!));
    }

    /// <summary>The threshold column of the docs: the default, "required, an upper limit", or the note.</summary>
    public string ThresholdDoc =>
        ThresholdNote.Length > 0 ? ThresholdNote
        : AnyUnit ? $"required, in the expression's unit (`{ThresholdExample}`)"
        : RequiresUpperLimit ? $"required, an upper limit (`{ThresholdExample}`)"
        : DefaultThreshold is { } d ? $"`{d}`"
        : "none";
}
