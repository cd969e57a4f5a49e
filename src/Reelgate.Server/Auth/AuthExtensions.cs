using Microsoft.AspNetCore.Authentication;

namespace Reelgate.Server.Auth;

/// <summary>Bearer-key authentication and the admin policy.</summary>
public static class AuthExtensions
{
    public static IServiceCollection AddApiKeyAuth(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyCache>();
        services.AddAuthentication(ApiKeyClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyClaims.Scheme, null);
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(ApiKeyClaims.Scheme)
                .RequireAuthenticatedUser().Build())
            .AddPolicy(ApiKeyClaims.AdminPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyClaims.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiKeyClaims.AdminClaim, "true"));
        return services;
    }
}
