using StageContract.Data;
using StageContract.Headers;

namespace Harness.Engine.Targets;

/// <summary>
/// The target's own sunset and docs URL (contract section 4: they come from the service's
/// configuration, so every team has its own). Declared in the plan's <c>contract:</c> block, or
/// learned from the first whole deprecation set the rehearsal sees; every later deprecation set
/// must agree with them. Whatever their source, <c>Sunset</c> must be an IMF-fixdate, <c>X-Stage-Docs</c>
/// an absolute http(s) URL and <c>Link</c> must link that URL with <c>rel="deprecation"</c>.
/// Thread-safe: gates send requests concurrently.
/// </summary>
public sealed class DeprecationValues
{
    private readonly Lock _lock = new();
    private readonly HeaderNames _names;
    private string? _sunset;
    private string? _docsUrl;
    private string _source;

    private DeprecationValues(HeaderNames names, string? sunset, string? docsUrl, string source)
    {
        _names = names;
        _sunset = sunset;
        _docsUrl = docsUrl;
        _source = source;
    }

    /// <summary>Values a plan declares.</summary>
    public static DeprecationValues Declared(HeaderNames names, string sunset, string docsUrl) =>
        new(names ?? throw new ArgumentNullException(nameof(names)), sunset, docsUrl, "declared in the plan's contract block");

    /// <summary>Values to be learned from the first deprecation set seen.</summary>
    public static DeprecationValues ToLearn(HeaderNames names) =>
        new(names ?? throw new ArgumentNullException(nameof(names)), null, null, "not learned: no response carried a whole deprecation set");

    /// <summary>The sunset in use, or null before one was learned.</summary>
    public string? Sunset
    {
        get { lock (_lock) { return _sunset; } }
    }

    /// <summary>The docs URL in use, or null before one was learned.</summary>
    public string? DocsUrl
    {
        get { lock (_lock) { return _docsUrl; } }
    }

    /// <summary>Where the values came from, for the report.</summary>
    public string Source
    {
        get { lock (_lock) { return _source; } }
    }

    /// <summary>
    /// Checks the <c>Sunset</c>, <c>X-Stage-Docs</c> and <c>Link</c> of a response that must carry the
    /// deprecation set; learns the values from the first well-formed set when none are known yet.
    /// Returns every problem as a short phrase; empty when the three agree with the values in use.
    /// </summary>
    public IReadOnlyList<string> Check(Func<string, string?> header, string subject)
    {
        ArgumentNullException.ThrowIfNull(header);
        var problems = new List<string>();
        var sunset = header(_names.Sunset);
        var docs = header(_names.Docs);
        var link = header(_names.Link);
        if (sunset is null)
        {
            problems.Add($"{_names.Sunset}: absent");
        }
        else if (ImfFixdate.Parse(sunset) is null)
        {
            problems.Add($"{_names.Sunset}: '{sunset}' is not an IMF-fixdate");
        }

        var docsWellFormed = docs is not null && Uri.TryCreate(docs, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
        if (docs is null)
        {
            problems.Add($"{_names.Docs}: absent");
        }
        else if (!docsWellFormed)
        {
            problems.Add($"{_names.Docs}: '{docs}' is not an absolute http(s) URL");
        }

        if (link is null)
        {
            problems.Add($"{_names.Link}: absent");
        }
        else if (docs is not null && !LinkHeader.HasDeprecationLink(link, docs))
        {
            problems.Add($"{_names.Link}: '{link}' does not link <{docs}> with rel=\"deprecation\"");
        }

        lock (_lock)
        {
            if (_sunset is null && _docsUrl is null)
            {
                if (problems.Count == 0)
                {
                    _sunset = sunset;
                    _docsUrl = docs;
                    _source = $"learned from the first deprecation set, {subject}";
                }

                return problems;
            }

            if (sunset is not null && _sunset is not null && ImfFixdate.Parse(sunset) is { } got && got != ImfFixdate.Parse(_sunset))
            {
                problems.Add($"{_names.Sunset}: '{sunset}', but '{_sunset}' was {Short(_source)}");
            }

            if (docs is not null && _docsUrl is not null && docs != _docsUrl)
            {
                problems.Add($"{_names.Docs}: '{docs}', but '{_docsUrl}' was {Short(_source)}");
            }
        }

        return problems;
    }

    /// <summary>One line for reports: the values and their source.</summary>
    public string Describe()
    {
        lock (_lock)
        {
            return _sunset is null ? _source : $"Sunset '{_sunset}', docs URL '{_docsUrl}' ({_source})";
        }
    }

    private static string Short(string source) => source.StartsWith("learned", StringComparison.Ordinal) ? "learned first" : "declared in the plan";
}
