using GoldenPayloads.Corpus;

namespace GoldenPayloads.Tests.Corpus;

public sealed class GoldenCorpusTests
{
    private const string Valid = """
        {"archetype":"canonical","description":"d","request":{"method":"POST","path":"/api/monte-carlo/simulate","body":{"fundId":1}}}
        """;

    public static TheoryData<string> Endpoints => [.. GoldenEndpoints.All.Select(e => e.FolderName())];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void Load_ShippedCorpus_HasAtLeastNineCasesPerEndpoint(string folder)
    {
        var corpus = GoldenCorpus.LoadDefault();
        var endpoint = GoldenEndpoints.InFolder(folder);

        Assert.True(corpus.For(endpoint).Count >= 9, $"{endpoint.FolderName()} has {corpus.For(endpoint).Count} cases");
    }

    [Theory]
    [InlineData("canonical")]
    [InlineData("alias")]
    [InlineData("case-whitespace-dash")]
    [InlineData("unknown")]
    [InlineData("unknown-fund")]
    [InlineData("deliberately-unknown")]
    public void Load_ShippedCorpus_EveryEndpointHasTheCommonArchetypes(string archetype)
    {
        var corpus = GoldenCorpus.LoadDefault();

        Assert.All(GoldenEndpoints.All, e => Assert.Contains(corpus.For(e), c => c.Archetype == archetype));
    }

    [Theory]
    [InlineData("duplicate-after-normalization")]
    [InlineData("missing-field")]
    [InlineData("malformed-json")]
    [InlineData("fullwidth-nbsp-zero-width")]
    public void Load_ShippedCorpus_EveryBodyEndpointHasThePayloadArchetypes(string archetype)
    {
        var corpus = GoldenCorpus.LoadDefault();

        Assert.All(GoldenEndpoints.All.Where(e => e.HasBody), e => Assert.Contains(corpus.For(e), c => c.Archetype == archetype));
    }

    [Fact]
    public void Load_ShippedCorpus_CasesAreOrderedByEndpointThenArchetype()
    {
        var corpus = GoldenCorpus.LoadDefault();

        var expected = corpus.Cases.OrderBy(c => corpus.Endpoints.ToList().IndexOf(c.Endpoint)).ThenBy(c => c.Archetype, StringComparer.Ordinal).Select(c => c.Id);
        Assert.Equal(expected, corpus.Cases.Select(c => c.Id));
        Assert.Equal(corpus.Cases.Count, corpus.Cases.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void DefaultDirectory_HoldsExactlyTheSourceCorpus()
    {
        static string[] Files(string root) =>
            [.. System.IO.Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];

        var source = Files(Path.Combine(SourceTree.GoldenPayloadsFolder, GoldenCorpus.FolderName));

        // A payload renamed or deleted in the source leaves a stale copy in bin/: clean the output folder then.
        Assert.Equal(source, Files(GoldenCorpus.DefaultDirectory));
    }

    [Fact]
    public void Load_RawBody_IsKeptVerbatim()
    {
        var golden = GoldenCorpus.LoadDefault()["strategies/malformed-json"];

        Assert.Null(golden.Request.Body);
        Assert.Equal("{\"fundId\":", golden.Request.BodyText);
    }

    [Fact]
    public void Load_Body_IsSentAsTheFileWritesIt()
    {
        using var temp = new TempCorpus();
        temp.Write("strategies/alias.json", """
            {"archetype":"alias","description":"d","request":{"method":"POST","path":"/api/portfolio/strategies","body":{"stageAllocation":{"ser\u00a0a":1}}}}
            """);

        var golden = GoldenCorpus.Load(temp.Directory)["strategies/alias"];

        Assert.Equal("""{"stageAllocation":{"ser\u00a0a":1}}""", golden.Request.BodyText);
    }

    [Fact]
    public void Load_MissingDirectory_NamesIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-corpus-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<GoldenCorpusException>(() => GoldenCorpus.Load(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyDirectory_Fails()
    {
        using var temp = new TempCorpus();

        var error = Assert.Throws<GoldenCorpusException>(() => GoldenCorpus.Load(temp.Directory));

        Assert.Contains("no payload files", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"archetype":"canonical","description":"d","request":{"method":"POST","path":"/api/monte-carlo/simulate","body":""", "not valid JSON")]
    [InlineData("""[1, 2]""", "must be a JSON object")]
    [InlineData("""{"archetype":"alias","description":"d","request":{"method":"POST","path":"/api/monte-carlo/simulate","body":{}}}""", "must equal the file name 'canonical.json'")]
    [InlineData("""{"archetype":"canonical","description":" ","request":{"method":"POST","path":"/api/monte-carlo/simulate","body":{}}}""", "'description' must be a non-empty string")]
    [InlineData("""{"archetype":"canonical","description":"d","expect":200,"request":{"method":"POST","path":"/api/monte-carlo/simulate","body":{}}}""", "unexpected member 'expect'")]
    [InlineData("""{"archetype":"canonical","description":"d"}""", "'request' must be an object")]
    [InlineData("""{"archetype":"canonical","description":"d","request":{"method":"GET","path":"/api/monte-carlo/simulate"}}""", "request.method must be POST")]
    [InlineData("""{"archetype":"canonical","description":"d","request":{"method":"POST","path":"/api/allocations","body":{}}}""", "does not address the monte-carlo endpoint")]
    [InlineData("""{"archetype":"canonical","description":"d","request":{"method":"POST","path":"/api/monte-carlo/simulate"}}""", "needs 'body' (JSON) or 'rawBody'")]
    [InlineData("""{"archetype":"canonical","description":"d","request":{"method":"POST","path":"/api/monte-carlo/simulate","body":{},"rawBody":"{"}}""", "at most one of 'body' and 'rawBody'")]
    [InlineData("""{"archetype":"canonical","description":"d","request":{"method":"POST","path":"/api/monte-carlo/simulate","rawBody":42}}""", "rawBody must be a string")]
    [InlineData("""{"archetype":"canonical","description":"d","request":{"method":"POST","path":"/api/monte-carlo/simulate?x=\u00e9","body":{}}}""", "percent-encoded visible ASCII")]
    [InlineData("""{"archetype":"Canonical","description":"d","request":{"method":"POST","path":"/api/monte-carlo/simulate","body":{}}}""", "kebab-case")]
    public void Load_BadFile_NamesTheFileAndTheProblem(string content, string problem)
    {
        using var temp = new TempCorpus();
        temp.Write("monte-carlo/alias.json", Valid.Replace("canonical", "alias", StringComparison.Ordinal));
        var bad = temp.Write("monte-carlo/canonical.json", content);

        var error = Assert.Throws<GoldenCorpusException>(() => GoldenCorpus.Load(temp.Directory));

        Assert.Contains(bad + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("alias.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CompaniesWithBody_IsRejected()
    {
        using var temp = new TempCorpus();
        var bad = temp.Write("companies/canonical.json", """
            {"archetype":"canonical","description":"d","request":{"method":"GET","path":"/api/funds/1/companies?stage=seed","body":{}}}
            """);

        var error = Assert.Throws<GoldenCorpusException>(() => GoldenCorpus.Load(temp.Directory));

        Assert.Contains(bad + ": a GET request has no body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownFolderAndStrayFile_AreBothReported()
    {
        using var temp = new TempCorpus();
        temp.Write("monte-carlo/canonical.json", Valid);
        var folder = Path.GetDirectoryName(temp.Write("montecarlo/canonical.json", Valid))!;
        var stray = temp.Write("canonical.json", Valid);

        var error = Assert.Throws<GoldenCorpusException>(() => GoldenCorpus.Load(temp.Directory));

        Assert.Contains(folder + ": 'montecarlo' is not an endpoint folder", error.Message, StringComparison.Ordinal);
        Assert.Contains(stray + ": a payload file must be inside an endpoint folder", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 problems", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralProblemsInOneFile_ListsEveryOne()
    {
        using var temp = new TempCorpus();
        temp.Write("allocations/canonical.json", """
            {"archetype":"canonical","description":"","request":{"method":"PUT","path":"/api/allocations","body":{}}}
            """);

        var error = Assert.Throws<GoldenCorpusException>(() => GoldenCorpus.Load(temp.Directory));

        Assert.Contains("'description' must be a non-empty string", error.Message, StringComparison.Ordinal);
        Assert.Contains("request.method must be POST", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_UnknownId_Throws()
    {
        var corpus = GoldenCorpus.LoadDefault();

        var error = Assert.Throws<KeyNotFoundException>(() => corpus["monte-carlo/nope"]);

        Assert.Contains("monte-carlo/nope", error.Message, StringComparison.Ordinal);
    }
}
