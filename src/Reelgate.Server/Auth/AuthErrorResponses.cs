using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Reelgate.Server.Errors;

namespace Reelgate.Server.Auth;

/// <summary>
/// Describes the authentication layer's answers in the OpenAPI document, once for a whole route group: 401 on every
/// route that needs a key, and 403 on those that need an admin key. Handlers describe only their own errors.
/// </summary>
public static class AuthErrorResponses
{
    public static TBuilder ProducesAuthErrors<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var authorize = endpoint.Metadata.OfType<IAuthorizeData>().ToList();
            if (authorize.Count == 0 || endpoint.Metadata.OfType<IAllowAnonymous>().Any())
            {
                return;
            }

            Add(endpoint, StatusCodes.Status401Unauthorized);
            if (authorize.Any(a => string.Equals(a.Policy, ApiKeyClaims.AdminPolicy, StringComparison.Ordinal)))
            {
                Add(endpoint, StatusCodes.Status403Forbidden);
            }
        });
        return builder;
    }

    private static void Add(EndpointBuilder endpoint, int status)
    {
        if (!endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == status))
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ErrorBody), ["application/json"]));
        }
    }
}
