using System.Text.Json;
using Harness.Engine.Gates;
using Harness.Engine.Gates.Kinds;
using Harness.Engine.Gates.Traffic;
using Harness.Engine.Plans;

namespace Harness.Engine.Tests.Gates;

/// <summary>A kind's options record is its parameters: names, defaults, ranges and choices come from one declaration.</summary>
public sealed class GateKindTests
{
    private static GateParameters Parameters(string json) => new(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Bind_NoParameters_GivesTheRecordsDefaults()
    {
        var (options, error) = GateOptionsBinder.Bind(typeof(EnforcedShareOptions), GateParameters.Empty);
        Assert.Null(error);
        Assert.Equal(new EnforcedShareOptions(), options);
        Assert.Equal(2_000, ((EnforcedShareOptions)options!).Requests);
    }

    [Theory]
    [InlineData("{\"requests\": 10}", "parameter 'requests' must be an integer within 50..1000000, got 10")]
    [InlineData("{\"requests\": \"many\"}", "parameter 'requests' must be an integer within 50..1000000, got \"many\"")]
    [InlineData("{\"confidence\": 0.9}", "parameter 'confidence' must be one of 0.95, 0.99, 0.999, got 0.9")]
    [InlineData("{\"request\": 100}", "unknown parameter 'request' (allowed: requests, concurrency, confidence, fundId, minSamples)")]
    public void Bind_UnusableParameter_IsOneLineNamingIt(string json, string expected) =>
        Assert.Equal(expected, GateOptionsBinder.Bind(typeof(EnforcedShareOptions), Parameters(json)).Error);

    [Theory]
    [InlineData("{\"confidence\": 0.999}")]
    [InlineData("{\"confidence\": \"0.999\"}")]
    public void Bind_ConfidenceAsNumberOrText_IsTheSameChoice(string json)
    {
        var (options, error) = GateOptionsBinder.Bind(typeof(ErrorRateOptions), Parameters(json));
        Assert.Null(error);
        Assert.Equal(0.999, ((ErrorRateOptions)options!).Confidence);
    }

    [Fact]
    public void Describe_ListsEveryParameterWithDefaultAndRange()
    {
        var parameters = GateOptionsBinder.Describe(typeof(EnforcedShareOptions));
        Assert.Equal(["requests", "concurrency", "confidence", "fundId", "minSamples"], parameters.Select(p => p.Name));
        var requests = parameters[0];
        Assert.Equal(("integer", "2000", "within 50..1000000"), (requests.Type, requests.Default, requests.Allowed));
        Assert.Equal("one of 0.95, 0.99, 0.999", parameters[2].Allowed);
    }

    [Fact]
    public void Create_ARequiredUpperLimitMissing_IsAPlanError()
    {
        var spec = new GateSpec { Id = "e", Kind = GateKinds.ErrorRate };
        Assert.Equal("error-rate needs an upper-limit threshold such as \"< 1%\"", ErrorRateGate.Kind.Create(spec).Error);
    }

    [Fact]
    public void BuiltInKinds_EveryDescribedKindBindsItsOwnDefaults()
    {
        Assert.All(BuiltInGates.Registry.Described, kind =>
        {
            // A PromQL gate has no default expression: it is the one parameter every plan must give.
            var parameters = kind.Name == GateKinds.Promql
                ? new GateParameters(System.Text.Json.JsonDocument.Parse("{\"expr\":\"up\"}").RootElement)
                : GateParameters.Empty;
            var spec = new GateSpec { Id = "g", Kind = kind.Name, Parameters = parameters, Threshold = kind.RequiresUpperLimit || kind.AnyUnit ? Threshold.Parse(kind.ThresholdExample) : null };
            Assert.True(kind.Create(spec).Succeeded, kind.Name);
            Assert.NotEmpty(kind.Measures);
        });
    }

    [Fact]
    public void Readme_GateTable_IsTheOneTheKindsDeclare()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Harness.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var readme = File.ReadAllText(Path.Combine(directory.FullName, "harness", "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf(GateKindCatalog.StartMarker, StringComparison.Ordinal);
        var end = readme.IndexOf(GateKindCatalog.EndMarker, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "harness/README.md has no generated gate table");
        var table = readme[start..(end + GateKindCatalog.EndMarker.Length + 1)];
        Assert.Equal(GateKindCatalog.Markdown(BuiltInGates.Registry.Described), table);
    }

    [Fact]
    public void BuiltInKinds_EveryKindDescribesItself()
    {
        Assert.Equal(BuiltInGates.Registry.Kinds, BuiltInGates.Registry.Described.Select(k => k.Name));
        Assert.Contains(BuiltInGates.Registry.Described, k => k.Needs.HasFlag(GateNeeds.Database));
    }
}
