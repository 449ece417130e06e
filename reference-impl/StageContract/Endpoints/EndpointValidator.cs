using System.Globalization;

namespace StageContract.Endpoints;

/// <summary>
/// Checks the data file's endpoint list: unique method and route, known input types, templates a
/// request builder can fill, resources that can be created, and read/write declarations that agree
/// with the write rule derived from them (<see cref="ContractEndpoints.IsWrite"/>).
/// </summary>
public static class EndpointValidator
{
    /// <summary>Every problem found, each a short phrase; empty when the list is usable.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<StageEndpoint?> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.Count == 0)
        {
            return ["endpoints must not be empty"];
        }

        var problems = new List<string>();
        for (var i = 0; i < endpoints.Count; i++)
        {
            if (endpoints[i] is { } endpoint)
            {
                problems.AddRange(Check(endpoint));
            }
            else
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"endpoints[{i}] is null"));
            }
        }

        var list = endpoints.OfType<StageEndpoint>().ToList();
        problems.AddRange(Duplicates(list, e => $"{e.Method} {e.Route}", "is listed more than once"));
        problems.AddRange(Duplicates(list.Where(e => e.Creates is not null), e => e.Creates!, "is created by more than one endpoint"));
        problems.AddRange(Duplicates(list.Where(e => e.Corpus is not null), e => e.Corpus!, "is the corpus folder of more than one endpoint"));
        var contract = new ContractEndpoints(list);
        foreach (var resource in list.Select(e => e.Resource).OfType<string>().Distinct(StringComparer.Ordinal).Where(r => contract.Creating(r) is null))
        {
            problems.Add($"resource '{resource}' has no endpoint that creates it (\"creates\": \"{resource}\")");
        }

        foreach (var endpoint in list.Where(e => e.Kind == EndpointKind.Read && contract.IsWrite(e.Method, e.Route)))
        {
            problems.Add($"endpoint {endpoint} is declared read, but {endpoint.Method} is a write method on a write route " +
                "(writes are the write endpoints' methods on their routes, contract section 3 step 2): declare it write");
        }

        return problems;
    }

    private static IEnumerable<string> Check(StageEndpoint e)
    {
        if (string.IsNullOrEmpty(e.Method) || !e.Method.All(char.IsAsciiLetterUpper))
        {
            yield return $"endpoint {e}: method must be upper-case letters";
        }

        if (RouteProblem(e.Route) is { } route)
        {
            yield return $"endpoint {e}: {route}";
        }

        if (!Enum.IsDefined(e.InputType) || !Enum.IsDefined(e.Kind))
        {
            yield return $"endpoint {e}: unknown inputType or kind";
            yield break;
        }

        if ((e.InputType == StageInputType.Query) != (e.QueryParameter is not null))
        {
            yield return $"endpoint {e}: queryParameter is required for query input, and only there";
        }
        else if (e.QueryParameter is { } query && (query.Length == 0 || !query.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')))
        {
            yield return $"endpoint {e}: queryParameter '{query}' must be unreserved URL characters";
        }

        if (e.HasBody && (e.Method is "GET" or "HEAD"))
        {
            yield return $"endpoint {e}: a {e.Method} has no body; {e.InputType.ToLabel()} input needs one";
        }

        foreach (var problem in BodyTemplate.Problems(e))
        {
            yield return problem;
        }

        if (e.NeedsId != (e.Resource is not null))
        {
            yield return $"endpoint {e}: resource names what {Placeholders.Id} refers to: required with {Placeholders.Id} in the route, and only there";
        }

        if (e.Creates is not null && (e.NeedsId || !e.HasBody))
        {
            yield return $"endpoint {e}: an endpoint that creates a resource must have no {Placeholders.Id} and take a body (a valid one creates the fixtures)";
        }

        if (e.Corpus is not null && (e.NeedsId || !e.TakesStages))
        {
            yield return $"endpoint {e}: a corpus endpoint must take stages and have no {Placeholders.Id} (the corpus runs against a fresh service)";
        }

        foreach (var (name, value) in new[] { ("resource", e.Resource), ("creates", e.Creates), ("corpus", e.Corpus) })
        {
            if (value is not null && !IsKebab(value))
            {
                yield return $"endpoint {e}: {name} '{value}' must be lower-case kebab-case";
            }
        }
    }

    private static string? RouteProblem(string? route)
    {
        if (string.IsNullOrEmpty(route) || route[0] != '/' || route.Any(c => c is <= ' ' or >= '\x7f' or '?' or '#'))
        {
            return "route must start with '/' and be visible ASCII without a query";
        }

        foreach (var segment in route.Split('/').Skip(1))
        {
            if (segment.Length == 0 && route != "/")
            {
                return "route must not have empty segments";
            }

            if ((segment.Contains('{', StringComparison.Ordinal) || segment.Contains('}', StringComparison.Ordinal))
                && !Placeholders.InRoutes.Contains(segment, StringComparer.Ordinal))
            {
                return $"route segment '{segment}' is not a known placeholder ({string.Join(", ", Placeholders.InRoutes)})";
            }
        }

        return null;
    }

    private static IEnumerable<string> Duplicates(IEnumerable<StageEndpoint> endpoints, Func<StageEndpoint, string> key, string why) =>
        endpoints.GroupBy(key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"'{g.Key}' {why}");

    private static bool IsKebab(string text) =>
        text.Length > 0 && text.Split('-').All(part => part.Length > 0 && part.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)));
}
