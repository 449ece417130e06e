using System.Collections;
using System.Diagnostics;
using ReferenceImpl.Api.Hosting;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests;

/// <summary>The contract's environment variables: valid values configure, invalid ones stop start-up with one line.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public void Read_AllVariables_Configures()
    {
        var options = EnvironmentConfiguration.Read(new Hashtable
        {
            ["STAGE_VALIDATION_MODE"] = "Enforce",
            ["ENFORCE_WRITE_ONLY"] = "true",
            ["ENFORCEMENT_PERCENT"] = "25",
            ["STAGE_VALIDATION_DRY_RUN"] = "0",
            ["STAGE_VALIDATION_OVERRIDES"] = "{\"/api/monte-carlo/simulate\":\"warn\"}",
            ["STAGE_OPS_TOKEN"] = "t",
        });
        Assert.Equal(ValidationMode.Enforce, options.Modes.GlobalMode);
        Assert.True(options.Modes.EnforceWriteOnly);
        Assert.Equal(25, options.Modes.EnforcementPercent);
        Assert.False(options.Modes.DryRun);
        Assert.Equal(ValidationMode.Warn, options.Modes.Overrides["/api/monte-carlo/simulate"]);
        Assert.Equal("t", options.OpsToken);
    }

    [Fact]
    public void Read_Nothing_IsOffAt100Percent()
    {
        var options = EnvironmentConfiguration.Read(new Hashtable());
        Assert.Equal(ValidationMode.Off, options.Modes.GlobalMode);
        Assert.Equal(100, options.Modes.EnforcementPercent);
    }

    [Theory]
    [InlineData("-5", 0)]
    [InlineData("150", 100)]
    public void Read_PercentOutOfRange_IsClamped(string text, int expected) =>
        Assert.Equal(expected, EnvironmentConfiguration.Read(new Hashtable { ["ENFORCEMENT_PERCENT"] = text }).Modes.EnforcementPercent);

    [Theory]
    [InlineData("STAGE_VALIDATION_MODE", "strict")]
    [InlineData("ENFORCEMENT_PERCENT", "ten")]
    [InlineData("ENFORCEMENT_PERCENT", "12.5")]
    [InlineData("ENFORCE_WRITE_ONLY", "maybe")]
    [InlineData("STAGE_VALIDATION_DRY_RUN", "2")]
    [InlineData("STAGE_VALIDATION_OVERRIDES", "{\"/api/unknown\":\"warn\"}")]
    [InlineData("STAGE_VALIDATION_OVERRIDES", "{\"/api/allocations\":\"loud\"}")]
    [InlineData("STAGE_VALIDATION_OVERRIDES", "not json")]
    [InlineData("STAGE_WEBHOOK_HMAC_KEY", "short")]
    [InlineData("STAGE_LOG_SAMPLE_RATE", "2")]
    [InlineData("STAGE_OPS_TOKEN", " ")]
    [InlineData("STAGE_CHAOS_LATENCY_DIR", "/no/such/latency/directory")]
    [InlineData("STAGE_CHAOS_LATENCY_DIR", " ")]
    public void Read_InvalidValue_NamesTheVariableInOneLine(string name, string value)
    {
        var e = Assert.Throws<ConfigurationException>(() => EnvironmentConfiguration.Read(new Hashtable { [name] = value }));
        Assert.StartsWith(name, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Read_ChaosLatencyDirectory_ThatExists_IsTaken()
    {
        var directory = Directory.CreateTempSubdirectory("latency-config-");
        try
        {
            var options = EnvironmentConfiguration.Read(new Hashtable { ["STAGE_CHAOS_LATENCY_DIR"] = directory.FullName });
            Assert.Equal(directory.FullName, options.ChaosLatencyDirectory);
            Assert.Null(EnvironmentConfiguration.Read(new Hashtable()).ChaosLatencyDirectory);
        }
        finally
        {
            directory.Delete();
        }
    }

    [Fact]
    public async Task Process_InvalidMode_ExitsWithOneLineAndCode2()
    {
        var dll = typeof(ReferenceService).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["STAGE_VALIDATION_MODE"] = "strict";
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(ReferenceService.ConfigurationError, process.ExitCode);
        Assert.Equal("reference-impl: STAGE_VALIDATION_MODE='strict' is not one of off, warn, enforce", stderr.Trim());
    }

    [Fact]
    public async Task Process_MissingContractFile_ExitsWithOneLineAndCode2()
    {
        var dll = typeof(ReferenceService).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["STAGE_CONTRACT_FILE"] = "/nonexistent/stage-contract.json";
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(ReferenceService.ConfigurationError, process.ExitCode);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("/nonexistent/stage-contract.json", stderr, StringComparison.Ordinal);
    }
}
