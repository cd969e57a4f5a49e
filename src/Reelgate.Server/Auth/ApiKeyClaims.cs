using System.Globalization;
using System.Security.Claims;
using Reelgate.Core.Keys;

namespace Reelgate.Server.Auth;

/// <summary>The claims a bearer key gives a request, and reading them back in handlers.</summary>
public static class ApiKeyClaims
{
    public const string Scheme = "Bearer";
    public const string AdminPolicy = "admin";
    public const string KeyIdClaim = "reelgate:key_id";
    public const string AdminClaim = "reelgate:admin";
    public const string RequestsPerMinuteClaim = "reelgate:rpm";
    public const string KeyItem = "reelgate:key";

    public static ClaimsPrincipal PrincipalOf(ApiKey key)
    {
        var claims = new List<Claim> { new(KeyIdClaim, key.Id), new(ClaimTypes.Name, key.Name) };
        if (key.IsAdmin)
        {
            claims.Add(new Claim(AdminClaim, "true"));
        }

        if (key.Limits.RequestsPerMinute is { } rpm)
        {
            claims.Add(new Claim(RequestsPerMinuteClaim, rpm.ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    /// <summary>The id of the key that authenticated the request (handlers behind RequireAuthorization only).</summary>
    public static string KeyId(this ClaimsPrincipal user) =>
        user.FindFirstValue(KeyIdClaim) ?? throw new InvalidOperationException("the request is not authenticated with a key");

    /// <summary>The stored key that authenticated the request, as read at authentication.</summary>
    public static ApiKey ApiKey(this HttpContext context) =>
        context.Items[KeyItem] as ApiKey ?? throw new InvalidOperationException("the request is not authenticated with a key");

    public static int? RequestsPerMinute(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(RequestsPerMinuteClaim), CultureInfo.InvariantCulture, out var rpm) ? rpm : null;
}
