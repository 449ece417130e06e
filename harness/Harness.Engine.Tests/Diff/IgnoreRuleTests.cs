using Harness.Engine.Diff;

namespace Harness.Engine.Tests.Diff;

public sealed class IgnoreRuleTests
{
    [Theory]
    [InlineData("$.id", "$.id", true)]
    [InlineData("$.id", "$.id.part", true)]
    [InlineData("$.id", "$.idx", false)]
    [InlineData("$.items[*].id", "$.items[3].id", true)]
    [InlineData("$.items[0].id", "$.items[0].id", true)]
    [InlineData("$.items[0].id", "$.items[1].id", false)]
    [InlineData("$..createdAt", "$.a[2].b.createdAt", true)]
    [InlineData("$..id", "$.fundId", false)]
    [InlineData("$..id", "$.items[0].identity", false)]
    [InlineData("$.results", "$.results.seed.p50", true)]
    [InlineData("header:Sunset", "header:sunset", true)]
    [InlineData("header:Sunset", "$.Sunset", false)]
    [InlineData("status", "status", true)]
    public void Matches_Field_CoversItAndWhatIsUnderIt(string rule, string field, bool matches) =>
        Assert.Equal(matches, IgnoreRule.Parse(rule)!.Matches(field));

    [Theory]
    [InlineData("")]
    [InlineData("items.id")]
    [InlineData("$.a.")]
    [InlineData("$...a")]
    [InlineData("header:")]
    public void Parse_NotARule_IsNull(string text) => Assert.Null(IgnoreRule.Parse(text));

    [Fact]
    public void Generalize_ReplacesEveryIndex_ButNotQuotedMembers() =>
        Assert.Equal("$.a[*].b[*][\"0\"]", JsonPaths.Generalize("$.a[10].b[0][\"0\"]"));

    [Fact]
    public void Flatten_NestedDocument_GivesEveryLeafByPath()
    {
        var leaves = JsonPaths.Flatten(System.Text.Json.Nodes.JsonNode.Parse("""{"a":{"b":[1,{"c":null}],"e":{},"f":[]},"odd key":"x"}"""));
        Assert.Equal(
            ["$.a.b[0]=1", "$.a.b[1].c=null", "$.a.e={}", "$.a.f=[]", "$[\"odd key\"]=\"x\""],
            leaves.Select(l => l.Key + "=" + l.Value));
    }
}
