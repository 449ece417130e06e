using System.Collections;
using ReferenceImpl.Api.Profiles;
using StageContract;

namespace ReferenceImpl.Api.Tests.Profiles;

/// <summary>The profile record itself: the alternative differs at every choice, and the default's record tells the truth about the library.</summary>
public sealed class ServiceProfileTests
{
    public static TheoryData<string> Choices() =>
        [.. typeof(ServiceProfile).GetProperties().Where(p => p.GetMethod?.IsStatic == false && p.Name != nameof(ServiceProfile.Name)).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Choices))]
    public void Alternative_DiffersFromDefault_AtEveryChoice(string choice)
    {
        var property = typeof(ServiceProfile).GetProperty(choice)!;
        var (reference, alternative) = (property.GetValue(ServiceProfile.Default), property.GetValue(ServiceProfile.Alternative));
        Assert.False(Same(reference, alternative), choice);
        if (alternative is ProblemStyle problems)
        {
            var standard = ServiceProfile.Default.Problems;
            Assert.NotEqual(standard.TypeUri("INVALID_STAGE"), problems.TypeUri("INVALID_STAGE"));
            Assert.NotEqual(standard.ContentType, problems.ContentType);
            Assert.NotEmpty(problems.Codes);
        }
        else if (alternative is VariantListStyle variants)
        {
            var contract = VariantListStyle.Contract;
            Assert.True(variants.Encoding != contract.Encoding && variants.Order != contract.Order && variants.EmptyValue != contract.EmptyValue
                && variants.MaxLength != contract.MaxLength && variants.CutMarker != contract.CutMarker);
        }
    }

    [Fact]
    public void Alternative_NeverRenamesTheContractsCodes()
    {
        string[] contractCodes = ["VALIDATION_ERROR", "INVALID_STAGE_WEIGHTS", "INVALID_STAGE_DISTRIBUTION", "INVALID_STAGE", "NO_KNOWN_STAGES"];
        Assert.All(contractCodes, c => Assert.Equal(c, ServiceProfile.Alternative.Problems.Code(c)));
        var serviceCodes = typeof(Problems.ServiceProblemCodes).GetFields().Select(f => (string)f.GetValue(null)!).Except(contractCodes);
        Assert.All(serviceCodes, c => Assert.NotEqual(c, ServiceProfile.Alternative.Problems.Code(c)));
    }

    [Theory]
    [InlineData("growth")]
    [InlineData("|a,b|x\"y|50%|ЅЕЕD|\ud83d\ude42|late stage|growth")]
    [InlineData("a|b|a|c|d|e|f|g|h|i|j|k|l")]
    public void ContractStyle_DescribesTheLibrary(string values)
    {
        var longValues = values.Split('|').Append(new string('z', 63) + "\ud83d\ude42").Append(new string('y', 100));
        Assert.Equal(ContractRules.Default.Headers.FormatVariants(longValues), VariantList.Format(VariantListStyle.Contract, longValues, 10));
    }

    [Fact]
    public void Named_KnowsBothProfiles()
    {
        Assert.Same(ServiceProfile.Default, ServiceProfile.Named("default"));
        Assert.Same(ServiceProfile.Alternative, ServiceProfile.Named("alternative"));
        Assert.Null(ServiceProfile.Named("express"));
    }

    private static bool Same(object? a, object? b) =>
        a is IEnumerable x && b is IEnumerable y && a is not string ? x.Cast<object>().SequenceEqual(y.Cast<object>()) : Equals(a, b);
}
