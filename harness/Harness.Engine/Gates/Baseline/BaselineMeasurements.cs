using System.Text.Json;
using Harness.Engine.Reports;

namespace Harness.Engine.Gates.Baseline;

/// <summary>
/// What a baseline-load gate measured, kept in the report (<c>gates[].measurements</c>) so that a
/// later phase can compare with it (<c>--baseline report.json</c>): the load it ran, the steady
/// step's latency histogram overall and per endpoint, wrong answers, the rate achieved and the
/// process memory after the load.
/// </summary>
public sealed record BaselineMeasurements
{
    /// <summary>The phase measured.</summary>
    public required string Phase { get; init; }

    /// <summary><c>embedded</c> or <c>url</c>: latency and memory are comparable only within one kind.</summary>
    public required string TargetKind { get; init; }

    /// <summary>The target's base address.</summary>
    public required string BaseAddress { get; init; }

    /// <summary>When it was measured (UTC).</summary>
    public required DateTimeOffset MeasuredAt { get; init; }

    /// <summary>The load: steady rate, ramp, steady and warm-up seconds.</summary>
    public required double Rate { get; init; }

    /// <summary>Seconds of the ramp.</summary>
    public required double RampSeconds { get; init; }

    /// <summary>Seconds of the steady step.</summary>
    public required double SteadySeconds { get; init; }

    /// <summary>Seconds of warm-up.</summary>
    public required double WarmupSeconds { get; init; }

    /// <summary>Answers in the steady step.</summary>
    public required long Answers { get; init; }

    /// <summary>Wrong answers (a status the contract does not give) plus requests without an answer, in the steady step.</summary>
    public required long Errors { get; init; }

    /// <summary>Steady-step answers per second.</summary>
    public required double AchievedRate { get; init; }

    /// <summary>Share of the steady step's sends that were late or dropped by the harness.</summary>
    public required double Lagging { get; init; }

    /// <summary>The steady step's latency histogram, <c>[microseconds, count]</c>.</summary>
    public required IReadOnlyList<long[]> Latency { get; init; }

    /// <summary>The steady step's latency histogram per endpoint.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<long[]>> Endpoints { get; init; }

    /// <summary>Process memory after the load, bytes; null when it could not be read.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>Where <see cref="MemoryBytes"/> came from.</summary>
    public string MemorySource { get; init; } = "";

    /// <summary>
    /// Time the .NET garbage collector paused the harness's process during the load, milliseconds (the embedded
    /// target runs in that process too): with <see cref="Lagging"/> it tells a harness that fell behind because
    /// of its own pauses from one starved by the machine.
    /// </summary>
    public double HarnessGcPauseMs { get; init; }

    /// <summary>Runs of the load it took (the earlier ones lagged, see <see cref="BaselineLoadOptions.Attempts"/>); 1 in a baseline written before the field existed.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>
    /// Empty, or what a confirming run said: when the latency failed by its tail alone, the gate took the load
    /// once more and judged that run (<see cref="BaselineJudgement.FailsByTheTailAlone"/>); this names the
    /// first run's p99 and whether the second repeated it.
    /// </summary>
    public string Confirmation { get; init; } = "";

    /// <summary>Full (generation 2) collections of the harness's process during the load.</summary>
    public int HarnessGen2Collections { get; init; }

    /// <summary>The steady step's p99 latency, milliseconds.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double P99Ms => BaselineJudgement.P99(Latency) / 1000.0;

    /// <summary>Wrong or missing answers over all requests of the steady step.</summary>
    public double ErrorRatio => Answers + Errors == 0 ? 0 : (double)Errors / (Answers + Errors);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>As JSON for <see cref="GateResult.Measurements"/>.</summary>
    public JsonElement ToJson() => JsonSerializer.SerializeToElement(this, Json);

    /// <summary>
    /// The measurements of the first baseline-load gate of <paramref name="report"/>; throws
    /// <see cref="FormatException"/> with one line when it has none.
    /// </summary>
    public static BaselineMeasurements From(RehearsalReport report, string source)
    {
        ArgumentNullException.ThrowIfNull(report);
        var gate = report.Gates.FirstOrDefault(g => g.Kind == GateKinds.BaselineLoad && g.Measurements is not null)
            ?? throw new FormatException($"{source}: no baseline measurements in it (rehearse a phase with a {GateKinds.BaselineLoad} gate first, for example: rehearse --phase off --out base)");
        try
        {
            return gate.Measurements!.Value.Deserialize<BaselineMeasurements>(Json)
                ?? throw new FormatException($"{source}: gate '{gate.Id}' holds no measurements");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: gate '{gate.Id}': unreadable baseline measurements: {e.Message.Split('\n')[0]}", e);
        }
    }
}
