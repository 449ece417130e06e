using System.Globalization;
using StageContract.Endpoints;
using StageContract.Normalization;

namespace StageContract.Data;

/// <summary>Checks a data file for the mistakes that would make the contract silently wrong.</summary>
public static class ContractDataValidator
{
    /// <summary>Every problem found, each a short phrase; empty when the data is usable.</summary>
    public static IReadOnlyList<string> Validate(StageContractData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var problems = new List<string>();
        if (data.Version != 1)
        {
            problems.Add($"version must be 1, got {data.Version.ToString(CultureInfo.InvariantCulture)}");
        }

        if (data.Stages.Count == 0)
        {
            problems.Add("stages must not be empty");
        }

        if (data.Stages.Distinct(StringComparer.Ordinal).Count() != data.Stages.Count)
        {
            problems.Add("stages must be distinct");
        }

        var seenKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stage in data.Stages)
        {
            if (!data.Aliases.TryGetValue(stage, out var keys) || !keys.Contains(stage, StringComparer.Ordinal))
            {
                problems.Add($"aliases of '{stage}' must include the canonical name itself");
                continue;
            }

            foreach (var key in keys)
            {
                if (StageNormalizer.Fold(key) != key)
                {
                    problems.Add($"alias key '{key}' is not in normalized form (expected '{StageNormalizer.Fold(key)}')");
                }

                if (!seenKeys.TryAdd(key, stage))
                {
                    problems.Add($"alias key '{key}' is listed for both '{seenKeys[key]}' and '{stage}'");
                }
            }
        }

        foreach (var extra in data.Aliases.Keys.Where(k => !data.Stages.Contains(k, StringComparer.Ordinal)))
        {
            problems.Add($"aliases name '{extra}', which is not a stage");
        }

        foreach (var unknown in data.DeliberatelyUnknown)
        {
            var folded = StageNormalizer.Fold(unknown);
            if (folded is not null && seenKeys.TryGetValue(folded, out var stage))
            {
                problems.Add($"'{unknown}' must stay unknown but the alias table maps it to '{stage}'");
            }
        }

        if (data.SuggestionMaxDistance is < 0 or > 10)
        {
            problems.Add("suggestionMaxDistance must be within 0..10");
        }

        if (!(data.RescaleTolerance > 0 && data.SumTolerance >= data.RescaleTolerance && data.SumTolerance < 1))
        {
            problems.Add("tolerances must satisfy 0 < rescaleTolerance <= sumTolerance < 1");
        }

        foreach (var name in data.Headers.All)
        {
            if (string.IsNullOrEmpty(name) || !name.All(c => c is > ' ' and < '\x7f' and not ':'))
            {
                problems.Add($"header name '{name}' is not a valid HTTP token");
            }
        }

        if (!DateTimeOffset.TryParseExact(data.Sunset, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var sunset)
            || sunset.ToString("r", CultureInfo.InvariantCulture) != data.Sunset)
        {
            problems.Add($"sunset '{data.Sunset}' is not an IMF-fixdate such as 'Wed, 30 Jun 2027 00:00:00 GMT'");
        }

        if (!Uri.TryCreate(data.DocsUrl, UriKind.Absolute, out var docs) || (docs.Scheme != Uri.UriSchemeHttps && docs.Scheme != Uri.UriSchemeHttp)
            || !IsVisibleAscii(data.DocsUrl))
        {
            problems.Add($"docsUrl '{data.DocsUrl}' must be an absolute http(s) URL in visible ASCII");
        }

        if (!IsVisibleAsciiOrSpace(data.Recommendation) || data.Recommendation.Length is 0 or > 512)
        {
            problems.Add("recommendation must be 1..512 printable ASCII characters");
        }

        if (data.MaxListedVariants is < 1 or > 100)
        {
            problems.Add("maxListedVariants must be within 1..100");
        }

        if (data.MaxVariantLength is < 8 or > 1024)
        {
            problems.Add("maxVariantLength must be within 8..1024");
        }

        problems.AddRange(EndpointValidator.Validate(data.Endpoints));
        return problems;
    }

    private static bool IsVisibleAscii(string s) => s.All(c => c is > ' ' and < '\x7f');

    private static bool IsVisibleAsciiOrSpace(string s) => s.All(c => c is >= ' ' and < '\x7f');
}
