namespace ReferenceImpl.Api.Faults;

/// <summary>Composition of the fault layer.</summary>
public static class FaultServices
{
    /// <summary>Registers the fault set and the classes that apply it (each a no-op without faults).</summary>
    public static IServiceCollection AddFaults(this IServiceCollection services, FaultSet faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        services.AddSingleton(faults);
        services.AddSingleton<StageInputFaults>();
        services.AddSingleton<OutcomeFaults>();
        services.AddSingleton<DecisionFaults>();
        return services;
    }
}
