using System.Diagnostics;

namespace Harness.Engine.Observability.Live;

/// <summary>
/// A Prometheus or Alertmanager process the harness started: its output goes to a log file (kept
/// with the report), and disposing it stops the process and waits for it.
/// </summary>
public sealed class StackProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private StackProcess(Process process, StreamWriter log, string logPath)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
    }

    /// <summary>The log file: the process's standard output and error.</summary>
    public string LogPath { get; }

    /// <summary>True while the process runs.</summary>
    public bool Running => !_process.HasExited;

    /// <summary>Its exit code once it has exited.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Starts <paramref name="binary"/> with <paramref name="arguments"/>, logging to <paramref name="logPath"/>.</summary>
    public static StackProcess Start(string binary, IEnumerable<string> arguments, string logPath)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(logPath)!,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {binary}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            log.Dispose();
            throw new InvalidOperationException($"could not start {binary}: {e.Message}", e);
        }

        var gate = new object();
        void Write(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                log.WriteLine(line);
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new StackProcess(process, log, logPath);
    }

    /// <summary>The last lines of the log that contain <paramref name="text"/> (case-insensitive), newest last.</summary>
    public IReadOnlyList<string> LogLines(string text, int count)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return [.. lines.Where(l => l.Contains(text, StringComparison.OrdinalIgnoreCase)).TakeLast(count)];
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or not stopping: nothing more to do for a rehearsal that is ending.
        }
        finally
        {
            _process.Dispose();
            await _log.DisposeAsync().ConfigureAwait(false);
        }
    }
}
