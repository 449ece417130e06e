namespace Harness.Cli;

/// <summary>
/// The environment variables the CLI reads (<c>REHEARSE_DATABASE_URL</c>, <c>REHEARSE_MIGRATION_TOOL</c>,
/// the drill credentials <c>REHEARSE_OPS_TOKEN</c>, <c>REHEARSE_WEBHOOK_HMAC_KEY</c>,
/// <c>REHEARSE_WEBHOOK_TOKEN</c>). Injected so that tests, which run in parallel, can give a run its
/// own variables without touching the process's; <see cref="Process"/> is the real environment.
/// </summary>
public sealed class CliEnvironment
{
    private readonly Func<string, string?> _read;

    private CliEnvironment(Func<string, string?> read) => _read = read;

    /// <summary>The process's environment, read at the moment a variable is asked for.</summary>
    public static CliEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>Exactly <paramref name="variables"/>, nothing from the process.</summary>
    public static CliEnvironment Of(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var copy = new Dictionary<string, string>(variables, StringComparer.Ordinal);
        return new(name => copy.GetValueOrDefault(name));
    }

    /// <summary>The variable's value; null when it is absent or empty.</summary>
    public string? Get(string name) => _read(name) is { Length: > 0 } value ? value : null;
}
