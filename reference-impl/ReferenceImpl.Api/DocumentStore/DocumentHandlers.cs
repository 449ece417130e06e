using Microsoft.AspNetCore.Http.HttpResults;
using ReferenceImpl.Api.Problems;
using ReferenceImpl.Api.Profiles;

namespace ReferenceImpl.Api.DocumentStore;

/// <summary>
/// What the endpoints of every stored resource do with its <see cref="IDocumentStore{T}"/>: create
/// (201 with <c>Location</c>, or 200, as the profile chooses), replace (404 unless it exists) and
/// get. Each resource reads and validates its own body.
/// </summary>
internal static class DocumentHandlers
{
    /// <summary>Stores the body <paramref name="readAsync"/> reads under a new id, or answers with its problem.</summary>
    public static async Task<Results<Created<T>, Ok<T>, ProblemHttpResult>> CreateAsync<T>(
        HttpContext context, string route, IDocumentStore<T> store, Func<string, Task<(T? Document, ProblemHttpResult? Problem)>> readAsync, CancellationToken cancellationToken)
        where T : class
    {
        var id = Guid.NewGuid().ToString("N");
        var (document, problem) = await readAsync(id).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        await store.AddAsync(id, document!, cancellationToken).ConfigureAwait(false);
        return ServiceProfile.Of(context).CreatedWithLocation
            ? TypedResults.Created($"{route}/{id}", document)
            : TypedResults.Ok(document);
    }

    /// <summary>
    /// Replaces the stored <paramref name="resource"/> with the body <paramref name="readAsync"/>
    /// reads (given the stored one); 404 when there is none.
    /// </summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> ReplaceAsync<T>(
        HttpContext context, string id, string resource, IDocumentStore<T> store, Func<T, Task<(T? Document, ProblemHttpResult? Problem)>> readAsync, CancellationToken cancellationToken)
        where T : class
    {
        if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } existing)
        {
            return NotFound(context, resource, id);
        }

        var (document, problem) = await readAsync(existing).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        return await store.ReplaceAsync(id, document!, cancellationToken).ConfigureAwait(false)
            ? TypedResults.Ok(document!)
            : NotFound(context, resource, id);
    }

    /// <summary>The stored <paramref name="resource"/>, or 404.</summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> GetAsync<T>(
        HttpContext context, string id, string resource, IDocumentStore<T> store, CancellationToken cancellationToken)
        where T : class =>
        await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } document
            ? TypedResults.Ok(document)
            : NotFound(context, resource, id);

    // The id is echoed, so a long one is cut at 64 characters.
    private static ProblemHttpResult NotFound(HttpContext context, string resource, string id) =>
        Problem.Create(context, StatusCodes.Status404NotFound, ServiceProblemCodes.NotFound, $"{char.ToUpperInvariant(resource[0])}{resource[1..]} not found",
            $"no {resource} has id '{(id.Length > 64 ? id[..64] + "..." : id)}'");
}
