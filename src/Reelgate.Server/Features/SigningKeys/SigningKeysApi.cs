using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Reelgate.Core;
using Reelgate.Core.Keys;
using Reelgate.Core.Ports;
using Reelgate.Server.Auth;
using Reelgate.Server.Configuration;
using Reelgate.Server.Errors;
using Reelgate.Server.Features.Files;

namespace Reelgate.Server.Features.SigningKeys;

/// <summary>
/// Admin routes to rotate the keys that sign output URLs: list them, add one (it signs every new link at once, on
/// every node within <see cref="UrlSigner.RefreshInterval"/>), and retire an older one once the links it signed have
/// expired (the longest link lifetime is Reelgate:OutputRetention), or earlier with force=true. A link signed with a
/// retired key answers 403 signing_key_retired.
/// </summary>
public static class SigningKeysApi
{
    public static RouteGroupBuilder MapSigningKeys(this RouteGroupBuilder v1)
    {
        var keys = v1.MapGroup("/signing-keys").RequireAuthorization(ApiKeyClaims.AdminPolicy);
        keys.MapGet("/", ListAsync)
            .WithName("ListSigningKeys").WithSummary("The keys that sign output URLs, oldest first (never the secret)");
        keys.MapPost("/", AddAsync)
            .WithName("AddSigningKey").WithSummary("Add a signing key; it signs every new output URL from now on");
        keys.MapPost("/{key_id}/retire", RetireAsync)
            .WithName("RetireSigningKey")
            .WithSummary("Retire a signing key: links it signed stop working (force=true before they expired)");
        return v1;
    }

    private static async Task<Ok<SigningKeyListResponse>> ListAsync(
        ISigningKeyStore store, IOptions<ReelgateOptions> options, CancellationToken cancellationToken)
    {
        var keys = await store.ListAsync(cancellationToken);
        return TypedResults.Ok(new SigningKeyListResponse("list", keys.Select(k => Map(k, keys, options.Value.OutputRetention)).ToList()));
    }

    private static async Task<Created<SigningKeyResponse>> AddAsync(
        [AsParameters] SigningKeyServices services, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var keys = await services.Store.ListAsync(cancellationToken);
            var key = new SigningKey(UrlSigner.NextId(keys), UrlSigner.NewSecret(), services.Time.GetUtcNow(), null);
            if (await services.Store.AddAsync(key, cancellationToken) || attempt >= 5)
            {
                await services.Signer.RefreshAsync(force: true, cancellationToken);
                var after = await services.Store.ListAsync(cancellationToken);
                var added = after.First(k => k.Id == key.Id);
                return TypedResults.Created($"/v1/signing-keys/{key.Id}", Map(added, after, services.Options.Value.OutputRetention));
            }
        }
    }

    [ProducesErrors(404, 409)]
    private static async Task<Results<Ok<SigningKeyResponse>, ErrorResult>> RetireAsync(
        [FromRoute(Name = "key_id")] string keyId, bool? force, [AsParameters] SigningKeyServices services,
        CancellationToken cancellationToken)
    {
        var (store, signer, time) = (services.Store, services.Signer, services.Time);
        var keys = await store.ListAsync(cancellationToken);
        var key = keys.FirstOrDefault(k => k.Id == keyId);
        if (key is null)
        {
            return ErrorResult.From(new Failure(FailureKind.NotFound, "signing_key_not_found",
                $"no signing key {Failure.Printable(keyId)} exists", "key_id"));
        }

        var retention = services.Options.Value.OutputRetention;
        var view = Map(key, keys, retention);
        if (view.Status == "retired")
        {
            return TypedResults.Ok(view);
        }

        if (view.Status == "primary")
        {
            return ErrorResult.Of(StatusCodes.Status409Conflict, "signing_key_in_use",
                $"signing key {keyId} signs new links; add a new key first (POST /v1/signing-keys), "
                + "then retire this one after its links expire", "key_id");
        }

        if (force != true && view.RetirableAt is { } retirable && time.GetUtcNow() < retirable)
        {
            return ErrorResult.Of(StatusCodes.Status409Conflict, "signing_key_still_valid",
                $"links signed with {keyId} may be valid until {retirable:yyyy-MM-ddTHH:mm:ssZ}; "
                + "retire it then, or now with force=true (those links stop working)", "key_id");
        }

        await store.RetireAsync(keyId, time.GetUtcNow(), cancellationToken);
        await signer.RefreshAsync(force: true, cancellationToken);
        var after = await store.ListAsync(cancellationToken);
        return TypedResults.Ok(Map(after.First(k => k.Id == keyId), after, retention));
    }

    private static SigningKeyResponse Map(SigningKey key, IReadOnlyList<SigningKey> all, TimeSpan retention)
    {
        if (!key.IsActive)
        {
            return new SigningKeyResponse(key.Id, "signing_key", "retired", key.CreatedAt, key.RetiredAt, null);
        }

        // The first active key made after this one took over signing; this one's last links expire a retention later
        // (plus the time other nodes take to notice the new key).
        var successor = all.Where(k => k.IsActive && Later(k, key)).OrderBy(k => k.CreatedAt).FirstOrDefault();
        return successor is null
            ? new SigningKeyResponse(key.Id, "signing_key", "primary", key.CreatedAt, null, null)
            : new SigningKeyResponse(
                key.Id, "signing_key", "active", key.CreatedAt, null, successor.CreatedAt + retention + UrlSigner.RefreshInterval);
    }

    private static bool Later(SigningKey candidate, SigningKey key) =>
        candidate.CreatedAt > key.CreatedAt
        || (candidate.CreatedAt == key.CreatedAt && string.CompareOrdinal(candidate.Id, key.Id) > 0);
}
