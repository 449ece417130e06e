using System.Collections.Frozen;
using ReferenceImpl.Api.Hosting;

namespace ReferenceImpl.Api.Faults;

/// <summary>The faults a service instance injects (<c>STAGE_FAULTS</c>); <see cref="None"/> by default.</summary>
public sealed class FaultSet
{
    private readonly FrozenSet<Fault> _faults;

    private FaultSet(IEnumerable<Fault> faults) => _faults = faults.ToFrozenSet();

    /// <summary>No fault: the service keeps every rule.</summary>
    public static FaultSet None { get; } = new([]);

    /// <summary>True when no fault is injected.</summary>
    public bool IsEmpty => _faults.Count == 0;

    /// <summary>The faults, in catalogue order.</summary>
    public IReadOnlyList<Fault> Faults => [.. FaultCatalogue.All.Select(d => d.Fault).Where(_faults.Contains)];

    /// <summary>A set of the given faults.</summary>
    public static FaultSet Of(params Fault[] faults) => faults is null or { Length: 0 } ? None : new(faults);

    /// <summary>
    /// Parses comma-separated names (<c>STAGE_FAULTS</c>); blank means none. An unknown name throws
    /// <see cref="ConfigurationException"/> with one line that lists the valid names.
    /// </summary>
    public static FaultSet Parse(string? text, string variable = "STAGE_FAULTS")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        var faults = new List<Fault>();
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            faults.Add(FaultCatalogue.Named(name.ToLowerInvariant())?.Fault ?? throw new ConfigurationException(
                $"{variable}: '{Printable(name)}' is not a fault; valid: {string.Join(", ", FaultCatalogue.All.Select(d => d.Name))}"));
        }

        return Of([.. faults]);
    }

    /// <summary>True when <paramref name="fault"/> is injected.</summary>
    public bool Has(Fault fault) => _faults.Contains(fault);

    /// <summary>The names, comma-separated (what <see cref="Parse"/> reads back).</summary>
    public override string ToString() => string.Join(",", Faults.Select(f => FaultCatalogue.Of(f).Name));

    private static string Printable(string text)
    {
        var cut = text.Length > 40 ? text[..40] + "..." : text;
        return new string([.. cut.Select(c => char.IsControl(c) ? '?' : c)]);
    }
}
