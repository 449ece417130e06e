using StageContract.Data;
using StageContract.Endpoints;

namespace ReferenceImpl.Api.Faults;

/// <summary>
/// The faults that are a change of contract data: the service then runs the contract library on
/// data that says something else.
/// </summary>
public static class FaultyRules
{
    private const string SeriesCPlus = "series-c+";

    /// <summary>The data with the data-level faults of <paramref name="faults"/> applied; <paramref name="data"/> itself when none applies.</summary>
    public static StageContractData Apply(StageContractData data, FaultSet faults)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(faults);
        if (faults.IsEmpty)
        {
            return data;
        }

        if (faults.Has(Fault.SeriesCPlusUnknown))
        {
            data = data with { Aliases = data.Aliases.ToDictionary(a => a.Key, a => a.Key == SeriesCPlus ? Array.Empty<string>() : a.Value, StringComparer.Ordinal) };
        }

        if (faults.Has(Fault.NoRescaleInTolerance))
        {
            data = data with { RescaleTolerance = data.SumTolerance };
        }

        if (faults.Has(Fault.SumCheckOff))
        {
            data = data with { SumTolerance = double.PositiveInfinity };
        }

        if (faults.Has(Fault.UnboundedVariants))
        {
            data = data with { MaxListedVariants = int.MaxValue };
        }

        if (faults.Has(Fault.WriteOnlyInverted))
        {
            // The reads become the "writes" of the decision, and the writes its reads.
            data = data with
            {
                Endpoints = [.. data.Endpoints.Select(e => e with { Kind = e.Kind == EndpointKind.Write ? EndpointKind.Read : EndpointKind.Write })],
            };
        }

        return data;
    }
}
