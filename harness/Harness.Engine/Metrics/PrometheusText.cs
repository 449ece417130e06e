using System.Globalization;
using System.Text;

namespace Harness.Engine.Metrics;

/// <summary>
/// A parser for the Prometheus text exposition format (version 0.0.4): <c># TYPE</c> and
/// <c># HELP</c> lines, samples with optional labels (escapes <c>\\</c>, <c>\"</c>, <c>\n</c>),
/// values including <c>NaN</c> and <c>±Inf</c>, and optional timestamps. Bad lines are reported,
/// never thrown.
/// </summary>
public static class PrometheusText
{
    private static readonly string[] HistogramSuffixes = ["_bucket", "_sum", "_count", "_created"];

    /// <summary>Parses an exposition.</summary>
    public static PrometheusScrape Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var samples = new List<MetricSample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var parts = line.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 4 && parts[1] == "TYPE")
                {
                    types[parts[2]] = parts[3].Trim();
                }

                continue;
            }

            if (TryParseSample(line, out var name, out var labels, out var value, out var error))
            {
                samples.Add(new MetricSample(name, FamilyOf(name, types), labels, value, i + 1));
            }
            else
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"line {i + 1}: {error}"));
            }
        }

        return new PrometheusScrape(samples, types, errors);
    }

    private static string FamilyOf(string name, Dictionary<string, string> types)
    {
        if (types.ContainsKey(name))
        {
            return name;
        }

        foreach (var suffix in HistogramSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(name[..^suffix.Length], out var type)
                && type is "histogram" or "summary" or "gaugehistogram")
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    private static bool TryParseSample(string line, out string name, out List<KeyValuePair<string, string>> labels, out double value, out string error)
    {
        labels = [];
        value = 0;
        error = "";
        var i = 0;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or ':'))
        {
            i++;
        }

        name = line[..i];
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            error = "expected a metric name";
            return false;
        }

        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (true)
            {
                SkipSpaces(line, ref i);
                if (i < line.Length && line[i] == '}')
                {
                    i++;
                    break;
                }

                var start = i;
                while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '_'))
                {
                    i++;
                }

                var label = line[start..i];
                SkipSpaces(line, ref i);
                if (label.Length == 0 || i >= line.Length || line[i] != '=')
                {
                    error = $"expected label=\"value\" in metric {name}";
                    return false;
                }

                i++;
                SkipSpaces(line, ref i);
                if (!TryReadQuoted(line, ref i, out var labelValue))
                {
                    error = $"unterminated label value of '{label}' in metric {name}";
                    return false;
                }

                labels.Add(KeyValuePair.Create(label, labelValue));
                SkipSpaces(line, ref i);
                if (i < line.Length && line[i] == ',')
                {
                    i++;
                }
                else if (i >= line.Length || line[i] != '}')
                {
                    error = $"expected ',' or '}}' after label '{label}' in metric {name}";
                    return false;
                }
            }
        }

        var rest = line[i..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length is < 1 or > 2 || !TryParseValue(rest[0], out value))
        {
            error = $"expected a value (and optional timestamp) after metric {name}";
            return false;
        }

        return true;
    }

    private static bool TryReadQuoted(string line, ref int i, out string value)
    {
        value = "";
        if (i >= line.Length || line[i] != '"')
        {
            return false;
        }

        var builder = new StringBuilder();
        for (i++; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                i++;
                value = builder.ToString();
                return true;
            }

            if (c == '\\' && i + 1 < line.Length)
            {
                i++;
                builder.Append(line[i] switch { 'n' => '\n', var other => other });
            }
            else
            {
                builder.Append(c);
            }
        }

        return false;
    }

    private static bool TryParseValue(string text, out double value)
    {
        switch (text)
        {
            case "NaN":
                value = double.NaN;
                return true;
            case "+Inf" or "Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    private static void SkipSpaces(string line, ref int i)
    {
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }
    }
}
