using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Harness.Engine.Observability.Live;

/// <summary>What the harness needs to start its own Prometheus and Alertmanager.</summary>
public sealed record StackStart
{
    /// <summary>The <c>prometheus</c> binary.</summary>
    public required string PrometheusBinary { get; init; }

    /// <summary>The <c>alertmanager</c> binary (Debian: <c>prometheus-alertmanager</c>); null: no Alertmanager.</summary>
    public string? AlertmanagerBinary { get; init; }

    /// <summary>Base addresses of the target's instances, each scraped at <c>&lt;base&gt;metrics</c>.</summary>
    public required IReadOnlyList<Uri> Instances { get; init; }

    /// <summary>Where Alertmanager posts: the target's auto-downgrade webhook.</summary>
    public required Uri WebhookUrl { get; init; }

    /// <summary>The webhook's bearer token (stock Alertmanager sends no HMAC); null: none is sent.</summary>
    public string? WebhookBearerToken { get; init; }

    /// <summary>Where the configuration files and logs go (kept with the report).</summary>
    public required string Directory { get; init; }

    /// <summary>Windows and job; default <see cref="ObservabilitySettings.Default"/>.</summary>
    public ObservabilitySettings Settings { get; init; } = ObservabilitySettings.Default;

    /// <summary>The rules to load (the shipped ones; rendered with the settings' windows).</summary>
    public required string Rules { get; init; }
}

/// <summary>
/// The Prometheus (and Alertmanager) a rehearsal judges with: either started by the harness from the
/// Debian binaries, scraping the target's instances at the plan's interval with the shipped rules
/// loaded (windows shortened, <see cref="RehearsalRules"/>) and routing every alert of the target's job
/// to its auto-downgrade webhook with the bearer token; or a team's own (<c>--prometheus</c>,
/// <c>--alertmanager</c>), which already scrapes the service and has the rules loaded.
/// The harness's own Alertmanager keeps every alert of the job silenced except while a drill runs,
/// so that the alerts other gates provoke on purpose never change the mode under them.
/// </summary>
public sealed class Monitoring : IAsyncDisposable
{
    /// <summary>The receiver name in the generated Alertmanager configuration.</summary>
    public const string Receiver = "stage-validation-webhook";

    private readonly List<IDisposable> _clients = [];
    private StackProcess? _prometheusProcess;
    private StackProcess? _alertmanagerProcess;
    private string? _silence;
    private string? _dataDirectory;

    private Monitoring(PrometheusApi prometheus, AlertmanagerApi? alertmanager, ObservabilitySettings settings, bool own)
    {
        Prometheus = prometheus;
        Alertmanager = alertmanager;
        Settings = settings;
        Own = own;
    }

    /// <summary>Prometheus's API.</summary>
    public PrometheusApi Prometheus { get; }

    /// <summary>Alertmanager's API; null when there is none.</summary>
    public AlertmanagerApi? Alertmanager { get; }

    /// <summary>Windows and the job label.</summary>
    public ObservabilitySettings Settings { get; }

    /// <summary>True when the harness started them (then it also controls silences and knows the wiring).</summary>
    public bool Own { get; }

    /// <summary>Seconds from start until Prometheus was ready (own stack only).</summary>
    public double? PrometheusStartSeconds { get; private set; }

    /// <summary>Seconds from start until Alertmanager was ready (own stack only).</summary>
    public double? AlertmanagerStartSeconds { get; private set; }

    /// <summary>Where Alertmanager posts (own stack only).</summary>
    public Uri? WebhookUrl { get; private set; }

    /// <summary>The generated files (Prometheus configuration, rehearsal rules, Alertmanager configuration) by file name; empty for a team's stack.</summary>
    public IReadOnlyDictionary<string, string> Files { get; private set; } = new Dictionary<string, string>();

    /// <summary>Alertmanager's process, for its log (own stack only).</summary>
    public StackProcess? AlertmanagerProcess => _alertmanagerProcess;

    /// <summary>A one-line description for reports.</summary>
    public string Describe() => Own
        ? string.Create(CultureInfo.InvariantCulture,
              $"Prometheus {Prometheus.BaseAddress} (started by the harness in {PrometheusStartSeconds:0.0}s, scrape {Settings.ScrapeSeconds:0.###}s, rule window {ObservabilitySettings.Duration(Settings.RuleWindowSeconds)}, alert for {ObservabilitySettings.Duration(Settings.AlertForSeconds)})")
            + (Alertmanager is null ? "" : string.Create(CultureInfo.InvariantCulture, $", Alertmanager {Alertmanager.BaseAddress} (started in {AlertmanagerStartSeconds:0.0}s, posting to {WebhookUrl})"))
        : $"Prometheus {Prometheus.BaseAddress} (the team's own, job \"{Settings.Job}\")" + (Alertmanager is null ? "" : $", Alertmanager {Alertmanager.BaseAddress} (the team's own)");

    /// <summary>A team's Prometheus (and Alertmanager), used as they are.</summary>
    public static Monitoring ForTeam(Uri prometheus, Uri? alertmanager, ObservabilitySettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(prometheus);
        return ForClients(Client(prometheus), alertmanager is null ? null : Client(alertmanager), settings, time);
    }

    /// <summary>A Prometheus (and Alertmanager) reached through the given clients (used through <see cref="Targets.TargetClient.Over"/>), which the stack then owns.</summary>
    public static Monitoring ForClients(HttpClient prometheus, HttpClient? alertmanager, ObservabilitySettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(prometheus);
        var stack = new Monitoring(new PrometheusApi(Targets.TargetClient.Over(prometheus)), alertmanager is null ? null : new AlertmanagerApi(Targets.TargetClient.Over(alertmanager), time), settings, own: false);
        stack._clients.Add(prometheus);
        if (alertmanager is not null)
        {
            stack._clients.Add(alertmanager);
        }

        return stack;
    }

    /// <summary>Starts Alertmanager (when asked for) and Prometheus, waits until both are ready and the targets were scraped once.</summary>
    public static async Task<Monitoring> StartAsync(StackStart start, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (start.Instances.Count == 0 || start.Instances.Any(i => i.Scheme != start.Instances[0].Scheme || i.AbsolutePath != start.Instances[0].AbsolutePath))
        {
            throw new ArgumentException("the instances to scrape must share one scheme and path (they differ only in host and port)");
        }

        System.IO.Directory.CreateDirectory(start.Directory);
        var data = System.IO.Directory.CreateTempSubdirectory("rehearse-prometheus-").FullName;
        var prometheusPort = FreePort();
        var prometheusHttp = Client(new Uri($"http://127.0.0.1:{prometheusPort}/"));
        HttpClient? alertmanagerHttp = null;
        int? alertmanagerPort = null;
        if (start.AlertmanagerBinary is not null)
        {
            alertmanagerPort = FreePort();
            alertmanagerHttp = Client(new Uri($"http://127.0.0.1:{alertmanagerPort}/"));
        }

        var stack = new Monitoring(new PrometheusApi(Targets.TargetClient.Over(prometheusHttp)), alertmanagerHttp is null ? null : new AlertmanagerApi(Targets.TargetClient.Over(alertmanagerHttp), time), start.Settings, own: true)
        {
            _dataDirectory = data,
        };
        stack._clients.Add(prometheusHttp);
        if (alertmanagerHttp is not null)
        {
            stack._clients.Add(alertmanagerHttp);
        }

        try
        {
            var files = new Dictionary<string, string>();
            if (start.AlertmanagerBinary is { } amBinary)
            {
                var tokenFile = Path.Combine(data, "webhook-token");
                if (start.WebhookBearerToken is { } token)
                {
                    await File.WriteAllTextAsync(tokenFile, token, cancellationToken).ConfigureAwait(false);
                    if (!OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(tokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    }
                }

                var amConfig = AlertmanagerConfig(start.WebhookUrl, start.WebhookBearerToken is null ? null : tokenFile);
                files["alertmanager.yml"] = amConfig;
                var amConfigPath = Path.Combine(start.Directory, "alertmanager.yml");
                await File.WriteAllTextAsync(amConfigPath, amConfig, cancellationToken).ConfigureAwait(false);
                var clock = Stopwatch.StartNew();
                stack._alertmanagerProcess = StackProcess.Start(amBinary,
                    [$"--config.file={amConfigPath}", $"--storage.path={Path.Combine(data, "alertmanager")}", $"--web.listen-address=127.0.0.1:{alertmanagerPort}", "--cluster.listen-address=", "--log.level=debug"],
                    Path.Combine(start.Directory, "alertmanager.log"));
                await WaitReadyAsync("Alertmanager", stack._alertmanagerProcess, stack.Alertmanager!.ReadyAsync, cancellationToken).ConfigureAwait(false);
                stack.AlertmanagerStartSeconds = clock.Elapsed.TotalSeconds;
                stack.WebhookUrl = start.WebhookUrl;
                stack._silence = await stack.SilenceJobAsync(cancellationToken).ConfigureAwait(false);
            }

            var rules = RehearsalRules.Render(start.Rules, start.Settings);
            files["stage-validation.rehearsal.rules.yml"] = rules;
            var rulesPath = Path.Combine(start.Directory, "stage-validation.rehearsal.rules.yml");
            await File.WriteAllTextAsync(rulesPath, rules, cancellationToken).ConfigureAwait(false);
            var prometheusConfig = PrometheusConfig(start, rulesPath, stack.Alertmanager?.BaseAddress);
            files["prometheus.yml"] = prometheusConfig;
            var configPath = Path.Combine(start.Directory, "prometheus.yml");
            await File.WriteAllTextAsync(configPath, prometheusConfig, cancellationToken).ConfigureAwait(false);
            stack.Files = files;
            var started = Stopwatch.StartNew();
            stack._prometheusProcess = StackProcess.Start(start.PrometheusBinary,
                [$"--config.file={configPath}", $"--storage.tsdb.path={Path.Combine(data, "prometheus")}", $"--web.listen-address=127.0.0.1:{prometheusPort}", "--storage.tsdb.retention.time=1d"],
                Path.Combine(start.Directory, "prometheus.log"));
            await WaitReadyAsync("Prometheus", stack._prometheusProcess, stack.Prometheus.ReadyAsync, cancellationToken).ConfigureAwait(false);
            stack.PrometheusStartSeconds = started.Elapsed.TotalSeconds;
            await stack.WaitScrapedAsync(start.Instances.Count, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);

            // The recording rules run at the next evaluation: wait until one has written a series for the job, so the
            // first gate finds them (on a busy machine that can take longer than an interval).
            await stack.WaitRecordedAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Opens the chain for one alert: every other alert of the job stays silenced, <paramref name="alertName"/>
    /// is free to reach the webhook. A no-op on a team's stack (its routing is its own).
    /// </summary>
    public async Task OpenForAsync(string alertName, CancellationToken cancellationToken)
    {
        if (!Own || Alertmanager is null || _silence is null)
        {
            return;
        }

        var others = await Alertmanager.SilenceAsync([("job", Settings.Job, true), ("alertname", alertName, false)], TimeSpan.FromHours(12),
            $"rehearsal drill: only {alertName} may reach the webhook", cancellationToken).ConfigureAwait(false);
        await Alertmanager.ExpireAsync(_silence, cancellationToken).ConfigureAwait(false);
        _silence = others;
    }

    /// <summary>Silences every alert of the job again (after a drill).</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (!Own || Alertmanager is null || _silence is null)
        {
            return;
        }

        var all = await SilenceJobAsync(cancellationToken).ConfigureAwait(false);
        await Alertmanager.ExpireAsync(_silence, cancellationToken).ConfigureAwait(false);
        _silence = all;
    }

    /// <summary>A silence of every alert of the job (the rehearsal's resting state); returns its id.</summary>
    private Task<string> SilenceJobAsync(CancellationToken cancellationToken) =>
        Alertmanager!.SilenceAsync([("job", Settings.Job, true)], TimeSpan.FromHours(12),
            "rehearsal: the target's alerts are silenced except while a drill runs", cancellationToken);

    /// <summary>A query with <c>$job</c> replaced by the job label value.</summary>
    public string Expand(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression.Replace("$job", Settings.Job, StringComparison.Ordinal);
    }

    /// <summary>Waits until a recording rule has written a series for the job (or the time passes).</summary>
    public async Task WaitRecordedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                if ((await Prometheus.QueryAsync(Expand("count({__name__=~\"job:.+\", job=\"$job\"})"), null, cancellationToken).ConfigureAwait(false)).Count > 0)
                {
                    return;
                }
            }
            catch (PrometheusQueryException)
            {
                // Not answering yet.
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits until every instance of the job was scraped successfully at or after <paramref name="after"/>, so that
    /// what the target counted before then is in Prometheus; false when <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<bool> WaitScrapeAfterAsync(DateTimeOffset after, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            // timestamp() of the raw series is the scrape's own time (after a comparison it would be the query's).
            var scrapes = await Prometheus.QueryAsync(Expand("timestamp(up{job=\"$job\"})"), null, cancellationToken).ConfigureAwait(false);
            var up = await Prometheus.QueryAsync(Expand("up{job=\"$job\"}"), null, cancellationToken).ConfigureAwait(false);
            if (scrapes.Count > 0 && up.All(s => s.Points[^1].Value == 1) && scrapes.All(s => s.Points[^1].Value >= after.ToUnixTimeMilliseconds() / 1000.0))
            {
                return true;
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>Waits until <paramref name="instances"/> targets of the job are up (or the time passes: a broken scrape is for the gates to report).</summary>
    public async Task WaitScrapedAsync(int instances, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                var targets = await Prometheus.TargetsAsync(Settings.Job, cancellationToken).ConfigureAwait(false);
                if (targets.Count >= instances && targets.All(t => t.Health == "up"))
                {
                    return;
                }
            }
            catch (PrometheusQueryException)
            {
                // Not answering yet.
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The generated Prometheus configuration.</summary>
    public static string PrometheusConfig(StackStart start, string rulesPath, Uri? alertmanager)
    {
        ArgumentNullException.ThrowIfNull(start);
        var interval = ObservabilitySettings.Duration(start.Settings.ScrapeSeconds);
        var text = new StringBuilder();
        text.AppendLine("# Generated by rehearse: scrapes the target's instances, loads the shipped rules with the rehearsal's windows.");
        text.AppendLine("global:");
        text.AppendLine(CultureInfo.InvariantCulture, $"  scrape_interval: {interval}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  scrape_timeout: {interval}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  evaluation_interval: {interval}");
        text.AppendLine("rule_files:");
        text.AppendLine(CultureInfo.InvariantCulture, $"  - {Quote(rulesPath)}");
        if (alertmanager is not null)
        {
            text.AppendLine("alerting:");
            text.AppendLine("  alertmanagers:");
            text.AppendLine("    - static_configs:");
            text.AppendLine(CultureInfo.InvariantCulture, $"        - targets: [{Quote(alertmanager.Authority)}]");
        }

        text.AppendLine("scrape_configs:");
        var first = start.Instances[0];
        text.AppendLine(CultureInfo.InvariantCulture, $"  - job_name: {Quote(start.Settings.Job)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"    scheme: {first.Scheme}");
        text.AppendLine(CultureInfo.InvariantCulture, $"    metrics_path: {Quote(first.AbsolutePath.TrimEnd('/') + "/metrics")}");
        text.AppendLine("    static_configs:");
        text.AppendLine(CultureInfo.InvariantCulture, $"      - targets: [{string.Join(", ", start.Instances.Select(i => Quote(i.Authority)))}]");

        return text.ToString();
    }

    /// <summary>The generated Alertmanager configuration: every alert of the job to the webhook, bearer token from a file.</summary>
    public static string AlertmanagerConfig(Uri webhook, string? tokenFile)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var text = new StringBuilder();
        text.AppendLine("# Generated by rehearse: every alert goes to the service's auto-downgrade webhook (seed 002: during the canary, any");
        text.AppendLine("# alert downgrades to warn), with the bearer token stock Alertmanager can send. The harness silences the job's");
        text.AppendLine("# alerts except while a drill runs.");
        text.AppendLine("route:");
        text.AppendLine(CultureInfo.InvariantCulture, $"  receiver: {Receiver}");
        text.AppendLine("  group_by: [alertname, job]");
        text.AppendLine("  group_wait: 1s");
        text.AppendLine("  group_interval: 5s");
        text.AppendLine("  repeat_interval: 1h");
        text.AppendLine("receivers:");
        text.AppendLine(CultureInfo.InvariantCulture, $"  - name: {Receiver}");
        text.AppendLine("    webhook_configs:");
        text.AppendLine(CultureInfo.InvariantCulture, $"      - url: {Quote(webhook.ToString())}");
        text.AppendLine("        send_resolved: false");
        if (tokenFile is not null)
        {
            text.AppendLine("        http_config:");
            text.AppendLine("          authorization:");
            text.AppendLine("            type: Bearer");
            text.AppendLine(CultureInfo.InvariantCulture, $"            credentials_file: {Quote(tokenFile)}");
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_prometheusProcess is not null)
        {
            await _prometheusProcess.DisposeAsync().ConfigureAwait(false);
        }

        if (_alertmanagerProcess is not null)
        {
            await _alertmanagerProcess.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (_dataDirectory is not null)
        {
            TryDelete(_dataDirectory);
        }
    }

    private static async Task WaitReadyAsync(string name, StackProcess process, Func<CancellationToken, Task<bool>> ready, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!await ready(cancellationToken).ConfigureAwait(false))
        {
            if (!process.Running)
            {
                var last = process.LogLines("", 3);
                throw new InvalidOperationException($"{name} exited with {process.ExitCode} before it was ready: {string.Join(" | ", last)} (log: {process.LogPath})");
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"{name} was not ready after 60 s (log: {process.LogPath})");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private static HttpClient Client(Uri baseAddress) =>
        new() { BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/"), Timeout = TimeSpan.FromSeconds(10) };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static void TryDelete(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
