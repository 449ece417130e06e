using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.Engine.Diff;

/// <summary>
/// Flattens a JSON document to its leaves by path (<c>$.items[0].stage</c> → <c>"seed"</c>), so that two
/// bodies are compared field by field. Leaves are written as compact JSON; an empty object or array is a
/// leaf of its own (<c>{}</c>, <c>[]</c>), so that it is not lost.
/// </summary>
public static class JsonPaths
{
    /// <summary>The root path.</summary>
    public const string Root = "$";

    /// <summary>Every leaf of <paramref name="node"/> by path, ordinally sorted; a null document is one leaf <c>$</c> = <c>null</c>.</summary>
    public static IReadOnlyDictionary<string, string> Flatten(JsonNode? node)
    {
        var leaves = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Walk(node, Root, leaves);
        return leaves;
    }

    /// <summary>The path with every array index written <c>[*]</c>: <c>$.items[0].stage</c> → <c>$.items[*].stage</c>, how differences are grouped.</summary>
    public static string Generalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var builder = new StringBuilder(path.Length);
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '[' && i + 1 < path.Length && char.IsAsciiDigit(path[i + 1]))
            {
                var end = path.IndexOf(']', i);
                if (end > 0 && path.AsSpan(i + 1, end - i - 1).ContainsAnyExceptInRange('0', '9') is false)
                {
                    builder.Append("[*]");
                    i = end + 1;
                    continue;
                }
            }

            builder.Append(path[i]);
            i++;
        }

        return builder.ToString();
    }

    /// <summary>The path of member <paramref name="name"/> under <paramref name="parent"/>: dotted when it is an identifier, else bracketed and quoted.</summary>
    public static string Member(string parent, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') && !char.IsAsciiDigit(name[0])
            ? parent + "." + name
            : parent + "[" + JsonSerializer.Serialize(name) + "]";
    }

    private static void Walk(JsonNode? node, string path, SortedDictionary<string, string> leaves)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (name, value) in obj)
                {
                    Walk(value, Member(path, name), leaves);
                }

                break;
            case JsonArray array when array.Count > 0:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", leaves);
                }

                break;
            case null:
                leaves[path] = "null";
                break;
            default:
                leaves[path] = node.ToJsonString();
                break;
        }
    }
}
