using System.Globalization;
using System.Text;
using StageContract.Normalization;

namespace StageContract.Headers;

/// <summary>
/// Judges an <c>X-Stage-Deprecated-Variants</c> value by what contract section 4 asks, not by one
/// service's bytes. It is an HTTP list (RFC 9110 section 5.6.1): items are separated by commas with
/// optional whitespace around them, which is not part of an item. Every item must be visible ASCII
/// (0x21-0x7E) and stand for a different unknown raw value of the request
/// (<see cref="VariantSpelling"/>), in any order. With at most <c>maxListed</c> distinct unknown
/// values every one is listed; with more, exactly <c>maxListed</c> are, then <c>...(+N)</c> with N the
/// number left out. Values are distinct by their text as sent (a JSON <c>42</c> and the string
/// <c>"42"</c>, or <c>null</c> and <c>"null"</c>, are one value to a client). A value is never listed
/// twice: N counts the values a client was not shown, which a repeat would make wrong.
/// </summary>
public static class DeprecatedVariantsHeader
{
    /// <summary>The items of a header value: split at commas, optional whitespace (space, tab) trimmed.</summary>
    public static IReadOnlyList<string> Items(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return [.. header.Split(',').Select(item => item.Trim(' ', '\t'))];
    }

    /// <summary>
    /// Every way <paramref name="header"/> fails to list <paramref name="unknownValues"/> (the request's
    /// unknown raw values, repeats allowed); empty when it conforms.
    /// </summary>
    public static IReadOnlyList<string> Check(string? header, IEnumerable<RawStage> unknownValues, int maxListed)
    {
        ArgumentNullException.ThrowIfNull(unknownValues);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxListed);
        if (header is null)
        {
            return ["absent"];
        }

        var distinct = unknownValues.Select(VariantSpelling.Of).GroupBy(v => v.Text, StringComparer.Ordinal)
            .Select(g => new RawSpellings(g.Key, g.Any(v => v.MayBeNothing))).ToList();
        var items = Items(header);
        var problems = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].AsSpan().ContainsAnyExceptInRange('!', '~'))
            {
                problems.Add($"item {i + 1} '{Show(items[i])}' holds a character outside visible ASCII");
            }
        }

        var listed = items;
        if (distinct.Count > maxListed)
        {
            var tail = string.Create(CultureInfo.InvariantCulture, $"...(+{distinct.Count - maxListed})");
            if (items.Count != maxListed + 1)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{items.Count} item(s) for {distinct.Count} distinct unknown values: expected {maxListed} then '{tail}'"));
            }
            else if (!string.Equals(items[^1], tail, StringComparison.Ordinal))
            {
                problems.Add($"ends with '{Show(items[^1])}', expected '{tail}'");
            }

            listed = [.. items.Take(Math.Min(items.Count, maxListed))];
        }
        else if (items.Count != distinct.Count)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{items.Count} item(s) for {distinct.Count} distinct unknown value(s)"));
        }

        problems.AddRange(Unmatched(listed, distinct, listAll: distinct.Count <= maxListed));
        return problems;
    }

    /// <summary>Items that stand for no unknown value (or for one already listed), and values not listed when all must be.</summary>
    private static IEnumerable<string> Unmatched(IReadOnlyList<string> items, List<RawSpellings> spellings, bool listAll)
    {
        var candidates = items.Select(item => Enumerable.Range(0, spellings.Count).Where(v => VariantSpelling.Spells(item, spellings[v])).ToList()).ToList();
        var matchOfValue = Enumerable.Repeat(-1, spellings.Count).ToArray();
        var unmatchedItems = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (!Augment(i, candidates, matchOfValue, new bool[spellings.Count]))
            {
                unmatchedItems.Add(i);
            }
        }

        foreach (var i in unmatchedItems)
        {
            yield return candidates[i].Count == 0
                ? $"item '{Show(items[i])}' stands for no unknown value of the request (as sent, percent-decoded, or cut to at least {VariantSpelling.MinimumCutBytes} bytes)"
                : $"item '{Show(items[i])}' lists a value another item already lists";
        }

        if (listAll)
        {
            foreach (var v in Enumerable.Range(0, spellings.Count).Where(v => matchOfValue[v] < 0))
            {
                yield return $"does not list the unknown value '{Show(spellings[v].Text)}'";
            }
        }
    }

    /// <summary>One step of Kuhn's bipartite matching: finds a value for item <paramref name="item"/>, moving earlier items if needed.</summary>
    private static bool Augment(int item, List<List<int>> candidates, int[] matchOfValue, bool[] visited)
    {
        foreach (var v in candidates[item])
        {
            if (visited[v])
            {
                continue;
            }

            visited[v] = true;
            if (matchOfValue[v] < 0 || Augment(matchOfValue[v], candidates, matchOfValue, visited))
            {
                matchOfValue[v] = item;
                return true;
            }
        }

        return false;
    }

    /// <summary>Text for a problem phrase: anything outside printable ASCII as <c>\uXXXX</c>, long text cut.</summary>
    private static string Show(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Length > 80 ? text[..80] : text)
        {
            if (c is >= ' ' and <= '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return text.Length > 80 ? builder.Append("...").ToString() : builder.ToString();
    }
}
