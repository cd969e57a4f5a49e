using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Reelgate.Core.Keys;
using Reelgate.Server.Errors;

namespace Reelgate.Server.Auth;

/// <summary>
/// Authenticates "Authorization: Bearer rg_..." against the stored key hashes. Any other scheme, a bare
/// key, an unknown or revoked key: 401 with the envelope. A non-admin key on an admin route: 403.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyCache keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string FailureItem = "reelgate:auth_failure";
    private const string MissingKey = "missing_api_key";

    /// <summary>True when the request presented a credential and it was refused (as opposed to sending none).</summary>
    public static bool PresentedRefusedCredential(HttpContext context) =>
        context.Items[FailureItem] is (string code, string) && !string.Equals(code, MissingKey, StringComparison.Ordinal);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization;
        if (header.Count == 0 || string.IsNullOrWhiteSpace(header[0]))
        {
            return Remember(MissingKey, "send your API key as 'Authorization: Bearer <key>'");
        }

        var value = header.Count == 1 ? header[0]! : string.Empty;
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !value.AsSpan(0, space).Equals(ApiKeyClaims.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return Remember("invalid_authorization", "the Authorization header must be 'Bearer <key>'; other schemes are not accepted");
        }

        var key = value[(space + 1)..].Trim();
        if (!KeySecrets.LooksLikeKey(key))
        {
            return Remember("invalid_api_key", "the API key is not valid");
        }

        var found = await keys.FindByHashAsync(KeySecrets.Hash(key), Context.RequestAborted);
        if (found is null || !found.Key.IsActive)
        {
            return Remember("invalid_api_key", found is null ? "the API key is not valid" : "the API key was revoked");
        }

        Context.Items[ApiKeyClaims.KeyItem] = found.Key;
        return AuthenticateResult.Success(new AuthenticationTicket(found.Principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var (code, message) = Context.Items[FailureItem] as (string, string)?
            ?? ("missing_api_key", "send your API key as 'Authorization: Bearer <key>'");
        Response.Headers.WWWAuthenticate = "Bearer";
        return ErrorResult.Of(StatusCodes.Status401Unauthorized, code, message).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ErrorResult.Of(StatusCodes.Status403Forbidden, "admin_required", "this route needs an admin key").ExecuteAsync(Context);

    private AuthenticateResult Remember(string code, string message)
    {
        Context.Items[FailureItem] = (code, message);
        return AuthenticateResult.Fail(message);
    }
}
