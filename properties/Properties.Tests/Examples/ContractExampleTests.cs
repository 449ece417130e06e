using Properties.Tests.Generators;
using StageContract.Endpoints;
using StageContract.Modes;
using StageContract.Normalization;

namespace Properties.Tests.Examples;

/// <summary>
/// The worked examples of the contract, copied from contract.md (not read from the data file), so
/// that the data file is checked against the text as well as the code against the data.
/// </summary>
public sealed class ContractExampleTests
{
    private static readonly StageNormalizer Normalizer = Contract.Rules.Normalizer;

    private static readonly string[] ContractStages = ["pre-seed", "seed", "series-a", "series-b", "series-c", "series-c+"];

    private static readonly (string Key, string Stage)[] ContractAliasRows =
    [
        ("pre-seed", "pre-seed"), ("preseed", "pre-seed"), ("pre_seed", "pre-seed"), ("pre seed", "pre-seed"),
        ("seed", "seed"),
        ("series-a", "series-a"), ("series a", "series-a"), ("series_a", "series-a"), ("seriesa", "series-a"),
        ("series-b", "series-b"), ("series b", "series-b"), ("series_b", "series-b"), ("seriesb", "series-b"),
        ("series-c", "series-c"), ("series c", "series-c"), ("series_c", "series-c"),
        ("series-c+", "series-c+"), ("series c+", "series-c+"), ("series_c+", "series-c+"), ("seriesc+", "series-c+"),
    ];

    private static readonly string[] ContractDeliberatelyUnknown =
    [
        "seriesc", "growth", "late-stage", "late stage", "series-d", "angel", "a", "round a", "series - a", "pre-seed.",
        "constructor", "__proto__",
    ];

    public static TheoryData<string, string> AliasRows
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (key, stage) in ContractAliasRows)
            {
                data.Add(key, stage);
            }

            return data;
        }
    }

    public static TheoryData<string> DeliberatelyUnknown => [.. ContractDeliberatelyUnknown];

    [Theory]
    [MemberData(nameof(AliasRows))]
    public void Normalize_AliasRow_GivesItsStage(string key, string stage)
    {
        var result = Normalizer.Normalize(key);

        Assert.Equal(stage, result.Canonical);
        Assert.Equal(key == stage ? StageKind.Canonical : StageKind.Alias, result.Kind);
    }

    [Theory]
    [MemberData(nameof(DeliberatelyUnknown))]
    public void Normalize_DeliberatelyUnknownValue_IsUnknown(string value)
    {
        var result = Normalizer.Normalize(value);

        Assert.Equal(StageKind.Unknown, result.Kind);
        Assert.Null(result.Canonical);
        Assert.Equal(UnknownReason.NotRecognized, result.Reason);
    }

    [Fact]
    public void DataFile_AliasTable_IsTheContractTable()
    {
        Assert.Equal(ContractAliasRows.Order(), Contract.AliasKeys.Select(p => (p.Key, p.Stage)).Order());
    }

    [Fact]
    public void DataFile_DeliberatelyUnknownList_IsTheContractList() =>
        Assert.Equal(ContractDeliberatelyUnknown.Order(StringComparer.Ordinal), Contract.DeliberatelyUnknown.Order(StringComparer.Ordinal));

    [Fact]
    public void DataFile_Stages_AreTheContractStagesInOrder() => Assert.Equal(ContractStages, Contract.Stages);

    /// <summary>Section 6's stage endpoints (reads by id included) with their stage input, and section 3's write rule.</summary>
    [Fact]
    public void DataFile_Endpoints_AreTheContractEndpoints()
    {
        string[] section6 =
        [
            "POST /api/monte-carlo/simulate array", "POST /api/portfolio/strategies object", "PUT /api/portfolio/strategies/{id} object",
            "PATCH /api/portfolio/strategies/{id} object", "GET /api/portfolio/strategies/{id} none", "POST /api/allocations scalar",
            "PUT /api/allocations/{id} scalar", "PATCH /api/allocations/{id} scalar", "GET /api/allocations/{id} none",
            "GET /api/funds/{fundId}/companies query",
        ];
        string[] writes = ["/api/portfolio/strategies", "/api/portfolio/strategies/{id}", "/api/allocations", "/api/allocations/{id}"];

        Assert.Equal(section6.Order(StringComparer.Ordinal), Contract.Data.Endpoints.Select(e => $"{e} {e.InputType.ToLabel()}").Order(StringComparer.Ordinal));
        foreach (var endpoint in Contract.Data.Endpoints)
        {
            Assert.Equal(writes.Contains(endpoint.Route) && endpoint.Method is "POST" or "PUT" or "PATCH", endpoint.Kind == EndpointKind.Write);
        }
    }

    [Fact]
    public void EnforcementBucket_Abc_Is19()
    {
        Assert.Equal(19, EnforcementBucket.Of("abc"));
        Assert.False(EnforcementBucket.Contains("abc", 19));
        Assert.True(EnforcementBucket.Contains("abc", 20));
    }

    [Theory]
    [InlineData(null, UnknownReason.Missing)]
    [InlineData("", UnknownReason.Blank)]
    [InlineData(" \t\u00A0\u3000 ", UnknownReason.Blank)]
    [InlineData("\u200B\uFEFF", UnknownReason.Blank)]
    public void Normalize_StepOneInput_IsUnknown(string? value, UnknownReason reason)
    {
        var result = Normalizer.Normalize(value);
        Assert.Equal(StageKind.Unknown, result.Kind);
        Assert.Equal(reason, result.Reason);
    }

    /// <summary>A fact, not inline data: xunit serializes theory data as UTF-8, which turns a lone surrogate into U+FFFD.</summary>
    [Fact]
    public void Normalize_LoneSurrogate_IsUnknownInvalidUnicode()
    {
        Assert.Equal(UnknownReason.InvalidUnicode, Normalizer.Normalize("seed\uD800").Reason);
        Assert.Equal(UnknownReason.InvalidUnicode, Normalizer.Normalize("\uDC00seed").Reason);
    }

    [Fact]
    public void Normalize_NumberForStage_IsUnknownNotAString() =>
        Assert.Equal(UnknownReason.NotAString, Normalizer.Normalize(RawStage.NotAString("1")).Reason);
}
