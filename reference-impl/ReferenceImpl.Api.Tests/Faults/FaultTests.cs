using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.Profiles;

namespace ReferenceImpl.Api.Tests.Faults;

/// <summary>Every catalogued fault, in both profiles: with it the rule is broken in the intended way; without it, not.</summary>
public sealed class FaultTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var fault in FaultCatalogue.All)
        {
            foreach (var profile in ServiceProfile.All)
            {
                data.Add(fault.Name, profile.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fault_On_BreaksItsRule(string fault, string profile)
    {
        var description = FaultCatalogue.Named(fault)!;
        var probe = FaultProbes.For(description.Fault);
        await using var host = await ServiceHost.StartAsync(probe.Options with { Profile = ServiceProfile.Named(profile)!, Faults = FaultSet.Of(description.Fault) });
        Assert.True(await probe.IsBrokenAsync(host), $"{fault} ({description.Description}) was not observed in profile {profile}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task NoFault_KeepsTheRule(string fault, string profile)
    {
        var probe = FaultProbes.For(FaultCatalogue.Named(fault)!.Fault);
        await using var host = await ServiceHost.StartAsync(probe.Options with { Profile = ServiceProfile.Named(profile)! });
        Assert.False(await probe.IsBrokenAsync(host), $"the clean service in profile {profile} looks like {fault}");
    }

    [Fact]
    public async Task AllFaults_Together_StillServe()
    {
        await using var host = await ServiceHost.StartAsync(new ServiceOptions { Faults = FaultSet.Of([.. FaultCatalogue.All.Select(d => d.Fault)]), Profile = ServiceProfile.Alternative });
        using var response = await StageEndpoint.Named("monte-carlo").SendAsync(host, "series-a", "any-request");
        Assert.True(response.IsSuccessStatusCode);
    }
}
