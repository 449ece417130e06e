namespace StageContract.Endpoints;

/// <summary>The wire labels of <see cref="StageInputType"/> (the data file and the <c>input_type</c> metric label).</summary>
public static class InputTypeLabels
{
    /// <summary>The values the <c>input_type</c> label may take (contract section 9): every input type that carries stages, in declaration order.</summary>
    public static IReadOnlyList<string> MetricLabels { get; } =
        [.. Enum.GetValues<StageInputType>().Where(t => t != StageInputType.None).Select(ToLabel)];

    /// <summary><c>array</c>, <c>object</c>, <c>query</c>, <c>scalar</c> or <c>none</c>.</summary>
    public static string ToLabel(this StageInputType inputType) => WireLabelConverter<StageInputType>.Label(inputType);
}
