using System.Text.Json.Nodes;
using Harness.Engine.Diff;

namespace Harness.Engine.Tests.Diff;

public sealed class ResponseComparerTests
{
    private static readonly ResponseComparer Comparer = new(IgnoreRule.Defaults);

    [Fact]
    public void Compare_SameAnswer_HasNoDifference()
    {
        var answer = Answer(200, """{"items":[{"stage":"seed","amount":1}],"total":1}""", ("X-Stage-Mode", "warn"));
        Assert.Empty(Comparer.Compare(answer, answer with { }));
    }

    [Fact]
    public void Compare_OneLeafChanged_NamesItsPathWithIndices()
    {
        var primary = Answer(200, """{"items":[{"stage":"seed"},{"stage":"series-a"}]}""");
        var candidate = Answer(200, """{"items":[{"stage":"seed"},{"stage":"series-b"}]}""");
        var difference = Assert.Single(Comparer.Compare(primary, candidate));
        Assert.Equal(new FieldDifference("$.items[1].stage", DifferenceKind.Changed, "\"series-a\"", "\"series-b\""), difference);
        Assert.Equal("$.items[*].stage", difference.GeneralField);
    }

    [Fact]
    public void Compare_StatusHeadersAndMissingOrAddedFields_AreEachADifference()
    {
        var primary = Answer(200, """{"a":1,"b":2}""", ("X-Stage-Mode", "warn"), ("Deprecation", "true"));
        var candidate = Answer(400, """{"a":1,"c":3}""", ("X-Stage-Mode", "enforce"));
        var differences = Comparer.Compare(primary, candidate);
        Assert.Equal(
            ["status Changed", "header:Deprecation Missing", "header:X-Stage-Mode Changed", "$.b Missing", "$.c Added"],
            differences.Select(d => $"{d.Field} {d.Kind}"));
    }

    [Fact]
    public void Compare_HeaderNames_CompareCaseInsensitively()
    {
        Assert.Empty(Comparer.Compare(Answer(200, "{}", ("x-stage-mode", "warn")), Answer(200, "{}", ("X-Stage-Mode", "warn"))));
    }

    [Fact]
    public void Compare_VolatileFieldsOfTheDefaults_AreIgnored()
    {
        var primary = Answer(201, """{"id":"a1","correlationId":"r1","items":[{"id":5,"stage":"seed"}]}""", ("Location", "/x/a1"));
        var candidate = Answer(201, """{"id":"b2","correlationId":"r2","items":[{"id":6,"stage":"seed"}]}""", ("Location", "/x/b2"));
        Assert.Empty(Comparer.Compare(primary, candidate));
    }

    [Fact]
    public void Compare_EmptyBodyAgainstJson_ListsTheFieldsAsAdded()
    {
        var differences = Comparer.Compare(Answer(204, null), Answer(200, """{"a":1}"""));
        Assert.Contains(differences, d => d is { Field: "$.a", Kind: DifferenceKind.Added });
    }

    [Fact]
    public void Compare_NoAnswer_IsAStatusDifferenceWithTheReason()
    {
        var difference = Comparer.Compare(Answer(200, null), DiffResponse.Failed("connection refused"))[0];
        Assert.Equal(DiffFields.Status, difference.Field);
        Assert.Equal("no answer: connection refused", difference.Other);
    }

    internal static DiffResponse Answer(int status, string? body, params (string Name, string Value)[] headers) =>
        new(status, body is null ? null : "application/json", headers.ToDictionary(h => h.Name, h => h.Value), body is null ? null : JsonNode.Parse(body));
}
