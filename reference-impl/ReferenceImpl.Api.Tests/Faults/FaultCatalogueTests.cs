using System.Text.RegularExpressions;
using ReferenceImpl.Api.Faults;

namespace ReferenceImpl.Api.Tests.Faults;

/// <summary>The catalogue others enumerate: complete, named in kebab-case, each entry documented and probed.</summary>
public sealed partial class FaultCatalogueTests
{
    [Fact]
    public void Catalogue_HoldsEveryFaultOnce()
    {
        Assert.Equal(Enum.GetValues<Fault>().Order(), FaultCatalogue.All.Select(d => d.Fault).Order());
        Assert.Equal(FaultCatalogue.All.Count, FaultCatalogue.All.Select(d => d.Name).Distinct().Count());
    }

    [Fact]
    public void Catalogue_EntriesAreNamedSectionedAndPlaced()
    {
        var places = typeof(FaultSet).Assembly.GetTypes().Where(t => t.Namespace == typeof(FaultSet).Namespace).Select(t => t.Name).ToHashSet();
        Assert.All(FaultCatalogue.All, d =>
        {
            Assert.Matches(KebabCase(), d.Name);
            Assert.InRange(int.Parse(d.ContractSection, System.Globalization.CultureInfo.InvariantCulture), 1, 11);
            Assert.False(string.IsNullOrWhiteSpace(d.Description));
            Assert.Contains(d.Place, places);
            _ = FaultProbes.For(d.Fault);
        });
    }

    [Fact]
    public void Parse_ToString_RoundTrips()
    {
        var all = FaultSet.Parse(string.Join(" , ", FaultCatalogue.All.Select(d => d.Name.ToUpperInvariant())));
        Assert.Equal(FaultCatalogue.All.Select(d => d.Fault), all.Faults);
        Assert.Equal(all.Faults, FaultSet.Parse(all.ToString()).Faults);
        Assert.True(FaultSet.Parse("  ").IsEmpty);
    }

    [Fact]
    public void Sampling_HitsAFewPercent_Deterministically()
    {
        var ids = Enumerable.Range(0, 10_000).Select(i => $"id-{i}").ToList();
        var hits = ids.Count(id => FaultSampling.Hits(Fault.ModeHeaderGaps, id));
        Assert.InRange(hits, 400, 600);
        Assert.Equal(hits, ids.Count(id => FaultSampling.Hits(Fault.ModeHeaderGaps, id)));
        Assert.NotEqual(ids.Where(id => FaultSampling.Hits(Fault.ModeHeaderGaps, id)), ids.Where(id => FaultSampling.Hits(Fault.DeprecationSetGaps, id)));
    }

    [Fact]
    public void Readme_ListsEveryFaultWithItsSectionAndPlace()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "reference-impl", "ReferenceImpl.Api", "README.md")))
        {
            directory = directory.Parent;
        }

        var readme = File.ReadAllText(Path.Combine(directory!.FullName, "reference-impl", "ReferenceImpl.Api", "README.md"));
        Assert.All(FaultCatalogue.All, d => Assert.Contains($"| `{d.Name}` | {d.ContractSection} | {d.Description.Replace("|", "\\|", StringComparison.Ordinal)} | `{d.Place}` |", readme, StringComparison.Ordinal));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
