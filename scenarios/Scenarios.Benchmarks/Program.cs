using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Scenarios.Engine;

// Usage: dotnet Scenarios.Benchmarks.dll [seconds per measurement, default 10]
// Starts the reference service as its own process (warn mode) on a free loopback port, then on
// GET /api/funds/1/companies?stage=seed measures: wrk's closed-loop throughput, the engine's
// closed-loop throughput at the same concurrency, and the engine's open-model rate accuracy at
// 1,000, 5,000 and 20,000 requests per second. Prints a Markdown table.
// Socket completions run inline on the socket engine's thread instead of being queued to the thread
// pool: for a client whose per-response work is a few microseconds this is the engine's best
// configuration (measured here: about 44,000 -> 57,000 requests/s on one core). It must be set
// before the first socket is created; SCENARIOS_BENCH_POOLED_COMPLETIONS=1 measures the default.
var inlineCompletions = Environment.GetEnvironmentVariable("SCENARIOS_BENCH_POOLED_COMPLETIONS") != "1";
if (inlineCompletions)
{
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
}

// For the closed-loop comparison the server gets CPU 0 and the client under test (wrk, then the
// engine) CPU 1, each alone: on a shared 2-core machine an unpinned client's own CPU use takes from
// the server, so the ratio measured the machine's scheduling as much as the client's efficiency.
// The open-model accuracy runs afterwards with the engine unpinned again.
var pinnedCores = OperatingSystem.IsLinux() && Environment.ProcessorCount > 1 && File.Exists("/usr/bin/taskset");
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
const int Connections = 32;
const string Path = "api/funds/1/companies?stage=seed";
var port = FreePort();
var api = typeof(ReferenceImpl.Api.Hosting.ReferenceService).Assembly.Location;
var serverStart = pinnedCores
    ? new ProcessStartInfo("/usr/bin/taskset", ["-c", "0", "dotnet", api, "--urls", $"http://127.0.0.1:{port}"]) { RedirectStandardOutput = true, RedirectStandardError = true }
    : new ProcessStartInfo("dotnet", [api, "--urls", $"http://127.0.0.1:{port}"]) { RedirectStandardOutput = true, RedirectStandardError = true };
serverStart.Environment["STAGE_VALIDATION_MODE"] = "warn";
serverStart.Environment["Logging__LogLevel__Default"] = "Warning";
serverStart.Environment.Remove("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"); // the server keeps its default either way
using var server = Process.Start(serverStart)!;
var baseAddress = new Uri($"http://127.0.0.1:{port}/");
try
{
    using var http = LoadEngine.CreateClient(baseAddress);
    for (var i = 0; i < 100 && !await ReadyAsync(http); i++)
    {
        await Task.Delay(100);
    }

    var engine = new LoadEngine(http, TimeProvider.System, maxInFlight: 4096);
    // One absolute URI object shared by every request, as wrk has one URL.
    var target = new Uri(baseAddress, Path);
    Func<long, HttpRequestMessage> request = _ => new HttpRequestMessage(HttpMethod.Get, target);
    Console.Error.WriteLine("warm-up");
    await engine.RunAsync([new LoadStep("warm", new LoadModel.Closed(Connections), TimeSpan.FromSeconds(3), WarmUp: true)], request, [], null, 1, null, CancellationToken.None);
    await Wrk(baseAddress + Path, Connections, 3, pinnedCores);

    // Interleaved rounds, so that drift of this shared 2-core machine hits both alike; the median ratio is the figure.
    Console.WriteLine(pinnedCores
        ? $"server pinned to CPU 0; wrk (-t1) and the engine pinned to CPU 1; engine socket completions {(inlineCompletions ? "inline" : "on the thread pool (default)")}\n"
        : "not pinned (no taskset or one core): server and clients share the cores\n");
    Console.WriteLine($"| round | wrk -t{(pinnedCores ? 1 : 2)} -c32 requests/s | wrk p99 | engine closed 32 requests/s | engine p99 | ratio |");
    Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
    var ratios = new List<double>();
    var allCores = OperatingSystem.IsLinux() ? Process.GetCurrentProcess().ProcessorAffinity : 0;
    if (pinnedCores && OperatingSystem.IsLinux())
    {
        Process.GetCurrentProcess().ProcessorAffinity = 2; // CPU 1, like wrk
    }

    await engine.RunAsync([new LoadStep("warm", new LoadModel.Closed(Connections), TimeSpan.FromSeconds(5), WarmUp: true)], request, [], null, 1, null, CancellationToken.None);
    await Wrk(baseAddress + Path, Connections, 5, pinnedCores);
    for (var round = 1; round <= rounds; round++)
    {
        Console.Error.WriteLine($"round {round}");
        var wrk = await Wrk(baseAddress + Path, Connections, seconds, pinnedCores);
        var closed = (await engine.RunAsync([new LoadStep("closed", new LoadModel.Closed(Connections), TimeSpan.FromSeconds(seconds))], request, [], null, 1, null, CancellationToken.None)).Steps[0];
        ratios.Add(closed.AchievedRate / wrk.Rate);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {round} | {wrk.Rate:0} | {wrk.P99} | {closed.AchievedRate:0} | {closed.Percentile(99) / 1000.0:0.###}ms | {ratios[^1]:0.00} |"));
    }

    ratios.Sort();
    if (pinnedCores && OperatingSystem.IsLinux())
    {
        Process.GetCurrentProcess().ProcessorAffinity = allCores;
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nengine / wrk throughput ratio, median of {rounds} rounds: **{ratios[rounds / 2]:0.00}**\n"));

    Console.WriteLine("| target rate | sent/s | answered/s | accuracy (answered / target) | late sends | dropped | p50 | p99 (from scheduled start) |");
    Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var rate in new[] { 1_000, 5_000, 20_000 })
    {
        Console.Error.WriteLine($"open {rate}/s");
        var step = (await engine.RunAsync([new LoadStep("open", LoadModel.Open.Constant(rate), TimeSpan.FromSeconds(seconds))], request, [], null, 1, null, CancellationToken.None)).Steps[0];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {rate} | {step.Sent / step.DurationSeconds:0} | {step.AchievedRate:0} | {step.AchievedRate / rate:0.000} | {step.Late} | {step.Dropped} | {step.Percentile(50) / 1000.0:0.###}ms | {step.Percentile(99) / 1000.0:0.###}ms |"));
    }
}
finally
{
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
}

return 0;

static async Task<bool> ReadyAsync(HttpClient http)
{
    try
    {
        using var response = await http.GetAsync("healthz");
        return response.IsSuccessStatusCode;
    }
    catch (HttpRequestException)
    {
        return false;
    }
}

static async Task<(double Rate, string P50, string P99)> Wrk(string url, int connections, int seconds, bool pinned)
{
    var start = pinned
        ? new ProcessStartInfo("/usr/bin/taskset", ["-c", "1", "wrk", "-t1", $"-c{connections}", $"-d{seconds}s", "--latency", url]) { RedirectStandardOutput = true }
        : new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", url]) { RedirectStandardOutput = true };
    using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk)");
    var output = await wrk.StandardOutput.ReadToEndAsync();
    await wrk.WaitForExitAsync();
    var rate = double.Parse(Regex.Match(output, @"Requests/sec:\s+([0-9.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
    return (rate, Regex.Match(output, @"^\s+50%\s+(\S+)", RegexOptions.Multiline).Groups[1].Value, Regex.Match(output, @"^\s+99%\s+(\S+)", RegexOptions.Multiline).Groups[1].Value);
}

static int FreePort()
{
    using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}
