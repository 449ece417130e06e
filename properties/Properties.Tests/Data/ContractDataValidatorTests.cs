using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Properties.Tests.Generators;
using StageContract.Data;
using StageContract.Endpoints;
using StageContract.Normalization;

namespace Properties.Tests.Data;

/// <summary>The data-file checks that keep the contract from going silently wrong when a team edits its data.</summary>
[Properties(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
public sealed class ContractDataValidatorTests
{
    private static readonly JsonSerializerOptions CamelCase = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    [Fact]
    public void Validate_ShippedDataFile_HasNoProblems() =>
        Assert.Empty(ContractDataValidator.Validate(Contract.Data));

    [Property]
    public void Validate_AliasDuplicatedAcrossStages_IsRejected(BrokenData broken)
    {
        var problems = ContractDataValidator.Validate(broken.Data);
        Assert.Contains(problems, p => p.Contains($"alias key '{broken.Culprit}' is listed for both", StringComparison.Ordinal));
        AssertLoaderRejects(broken.Data, broken.Culprit);
    }

    [Property]
    public void Validate_DeliberatelyUnknownValueMapped_IsRejected(MappedUnknown broken)
    {
        var problems = ContractDataValidator.Validate(broken.Data);
        Assert.Contains(problems, p => p.Contains($"'{broken.Culprit}' must stay unknown", StringComparison.Ordinal));
        AssertLoaderRejects(broken.Data, broken.Culprit);
    }

    [Fact]
    public void Validate_EndpointListedTwice_IsRejected() =>
        AssertRejected(Contract.Data with { Endpoints = [.. Contract.Data.Endpoints, Contract.Data.Endpoints[0]] }, "'POST /api/monte-carlo/simulate' is listed more than once");

    [Fact]
    public void Validate_WriteDeclaredRead_IsRejected() =>
        AssertRejected(Replace(e => e.Method == "PUT" && e.Route == "/api/allocations/{id}", e => e with { Kind = EndpointKind.Read }),
            "endpoint PUT /api/allocations/{id} is declared read");

    [Fact]
    public void Validate_UnknownPlaceholderInABodyTemplate_IsRejected() =>
        AssertRejected(Replace(e => e.Corpus == "monte-carlo", e => e with { Body = Json("""{"fundId": "{fund}", "stageDistribution": [{"stage": "{stage}", "weight": "{weight}"}]}""") }),
            "unknown placeholder '{fund}'");

    [Fact]
    public void Validate_StagePatternOfAnotherInputType_IsRejected() =>
        AssertRejected(Replace(e => e.Corpus == "monte-carlo", e => e with { Body = Json("""{"fundId": "{fundId}", "stageAllocation": {"{stage}": "{weight}"}}""") }),
            "stage pattern is object input, but inputType is array");

    [Fact]
    public void Validate_ResourceNobodyCreates_IsRejected() =>
        AssertRejected(Replace(e => e.Creates == "allocation", e => e with { Creates = null }), "resource 'allocation' has no endpoint that creates it");

    [Fact]
    public void Load_UnknownInputTypeLabel_IsRejected()
    {
        var node = JsonSerializer.SerializeToNode(Contract.Data, CamelCase)!;
        node["headers"]!.AsObject().Remove("all");
        node["endpoints"]![0]!["inputType"] = "Array";
        using var stream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(node));

        var error = Assert.Throws<ContractDataException>(() => ContractDataLoader.Parse(stream, "generated"));
        Assert.Contains("$.endpoints[0].inputType", error.Message, StringComparison.Ordinal);
    }

    private static void AssertRejected(StageContractData data, string culprit)
    {
        Assert.Contains(ContractDataValidator.Validate(data), p => p.Contains(culprit, StringComparison.Ordinal));
        AssertLoaderRejects(data, culprit);
    }

    private static StageContractData Replace(Func<StageEndpoint, bool> which, Func<StageEndpoint, StageEndpoint> change) =>
        Contract.Data with { Endpoints = [.. Contract.Data.Endpoints.Select(e => which(e) ? change(e) : e)] };

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    /// <summary>The same data written to JSON must be refused by the loader: the check cannot be bypassed by loading a file.</summary>
    private static void AssertLoaderRejects(StageContractData data, string culprit)
    {
        var node = JsonSerializer.SerializeToNode(data, CamelCase)!;
        node["headers"]!.AsObject().Remove("all"); // a computed property, not part of the file format
        using var stream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(node));
        var error = Assert.Throws<ContractDataException>(() => ContractDataLoader.Parse(stream, "generated"));
        Assert.Contains(culprit, error.Message, StringComparison.Ordinal);
    }

    private static StageContractData WithAlias(StageContractData data, string stage, string key) => data with
    {
        Aliases = data.Aliases.ToDictionary(
            p => p.Key,
            p => p.Key == stage ? (IReadOnlyList<string>)[.. p.Value, key] : p.Value,
            StringComparer.Ordinal),
    };

    public sealed record BrokenData(StageContractData Data, string Culprit, string From, string To)
    {
        public override string ToString() => $"'{Culprit}' of {From} also listed under {To}";
    }

    public sealed record MappedUnknown(StageContractData Data, string Culprit, string To)
    {
        public override string ToString() => $"deliberately unknown {TextShrinker.Show(Culprit)} mapped under {To}";
    }

    public static class Arbitraries
    {
        public static Arbitrary<BrokenData> DuplicatedAliases() =>
            (from pair in Gen.Elements(Contract.AliasKeys.ToArray())
             from to in Gen.Elements(Contract.Stages.Where(s => s != pair.Stage).ToArray())
             select new BrokenData(WithAlias(Contract.Data, to, pair.Key), pair.Key, pair.Stage, to)).ToArbitrary();

        /// <summary>
        /// A deliberately-unknown value (listed in any spelling: the validator must fold it) whose
        /// folded form is added as an alias key of some stage.
        /// </summary>
        public static Arbitrary<MappedUnknown> MappedUnknowns() =>
            (from index in Gen.Choose(0, Contract.DeliberatelyUnknown.Length - 1)
             let original = Contract.DeliberatelyUnknown[index]
             from listed in Gen.OneOf(Gen.Constant(original), FoldingVariants.Case(original), FoldingVariants.Whitespace(original), FoldingVariants.FullWidth(original))
             from to in Gen.Elements([.. Contract.Stages])
             let data = WithAlias(Contract.Data, to, StageNormalizer.Fold(original)!) with
             {
                 DeliberatelyUnknown = [.. Contract.DeliberatelyUnknown.Select((u, i) => i == index ? listed : u)],
             }
             select new MappedUnknown(data, listed, to)).ToArbitrary();
    }
}
