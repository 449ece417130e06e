using System.Collections;
using System.Diagnostics;
using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.Profiles;

namespace ReferenceImpl.Api.Tests.Profiles;

/// <summary>STAGE_PROFILE, STAGE_SUNSET, STAGE_DOCS_URL and STAGE_FAULTS: valid values configure, invalid ones stop start-up with one line.</summary>
public sealed class ProfileConfigurationTests
{
    [Fact]
    public void Read_ProfileVariables_Configure()
    {
        var options = EnvironmentConfiguration.Read(new Hashtable
        {
            ["STAGE_PROFILE"] = " Alternative ",
            ["STAGE_SUNSET"] = "Mon, 01 Jan 2029 00:00:00 GMT",
            ["STAGE_DOCS_URL"] = "https://docs.team.example/stages?v=2",
            ["STAGE_FAULTS"] = "slow-validator, webhook-replays,slow-validator",
        });
        Assert.Same(ServiceProfile.Alternative, options.Profile);
        Assert.Equal("Mon, 01 Jan 2029 00:00:00 GMT", options.Sunset);
        Assert.Equal("https://docs.team.example/stages?v=2", options.DocsUrl);
        Assert.Equal([Fault.SlowValidator, Fault.WebhookReplays], options.Faults.Faults);
    }

    [Fact]
    public void Read_Nothing_IsDefaultProfileWithoutFaults()
    {
        var options = EnvironmentConfiguration.Read(new Hashtable());
        Assert.Same(ServiceProfile.Default, options.Profile);
        Assert.True(options.Faults.IsEmpty);
        Assert.Null(options.Sunset);
        Assert.Null(options.DocsUrl);
    }

    [Theory]
    [InlineData("STAGE_PROFILE", "express")]
    [InlineData("STAGE_SUNSET", "2027-06-30")]
    [InlineData("STAGE_SUNSET", "Thu, 30 Jun 2027 00:00:00 GMT")]
    [InlineData("STAGE_SUNSET", "Wed, 30 Jun 2027 00:00:00 +0000")]
    [InlineData("STAGE_DOCS_URL", "docs/stages")]
    [InlineData("STAGE_DOCS_URL", "ftp://docs.example/stages")]
    [InlineData("STAGE_DOCS_URL", "https://docs.example/a>b")]
    [InlineData("STAGE_DOCS_URL", "https://docs.example/\u00e9")]
    [InlineData("STAGE_FAULTS", "slow-validator,nope")]
    public void Read_InvalidValue_NamesTheVariableInOneLine(string name, string value)
    {
        var e = Assert.Throws<ConfigurationException>(() => EnvironmentConfiguration.Read(new Hashtable { [name] = value }));
        Assert.StartsWith(name, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Read_UnknownFault_ListsEveryValidName()
    {
        var e = Assert.Throws<ConfigurationException>(() => EnvironmentConfiguration.Read(new Hashtable { ["STAGE_FAULTS"] = "nope" }));
        Assert.All(FaultCatalogue.All, d => Assert.Contains(d.Name, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_InvalidSunsetInOptions_IsAConfigurationError()
    {
        var options = new ServiceOptions { Sunset = "tomorrow" };
        var e = await Assert.ThrowsAsync<ConfigurationException>(() => ReferenceService.StartAsync(options, CancellationToken.None));
        Assert.Contains("sunset", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_UnknownFault_ExitsWithOneLineAndCode2()
    {
        var dll = typeof(ReferenceService).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["STAGE_FAULTS"] = "bucket-off-by-two";
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(ReferenceService.ConfigurationError, process.ExitCode);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("reference-impl: STAGE_FAULTS: 'bucket-off-by-two' is not a fault; valid: deprecation-set-gaps, ", line, StringComparison.Ordinal);
    }
}
