using System.Text.Json.Serialization.Metadata;

namespace ReferenceImpl.Api.Profiles;

/// <summary>Composition of a profile: its services, and the response rewrite it needs (if any).</summary>
public static class ProfileServices
{
    /// <summary>Registers the profile and the classes that apply its choices.</summary>
    public static IServiceCollection AddProfile(this IServiceCollection services, ServiceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        services.AddSingleton(profile);
        services.AddSingleton<DeprecationHeaderWriter>();
        services.AddSingleton<CompanyFilter>();
        if (profile.IgnoredStagesMember != ServiceProfile.Default.IgnoredStagesMember)
        {
            services.ConfigureHttpJsonOptions(json =>
            {
                var resolver = json.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver();
                json.SerializerOptions.TypeInfoResolver = resolver.WithAddedModifier(type =>
                {
                    foreach (var property in type.Properties.Where(p => p.Name == ServiceProfile.Default.IgnoredStagesMember))
                    {
                        property.Name = profile.IgnoredStagesMember;
                    }
                });
            });
        }

        return services;
    }

    /// <summary>
    /// Problem responses get the profile's media type. The framework's problem result writes a fixed
    /// <c>application/problem+json</c>, so the type is rewritten as the response starts.
    /// </summary>
    public static IApplicationBuilder UseProfile(this IApplicationBuilder app, ServiceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var contentType = profile.Problems.ContentType;
        if (contentType == ProblemStyle.PlainContentType)
        {
            return app;
        }

        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.ContentType == ProblemStyle.PlainContentType)
                {
                    context.Response.ContentType = contentType;
                }

                return Task.CompletedTask;
            });
            await next(context).ConfigureAwait(false);
        });
    }
}
