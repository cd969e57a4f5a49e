using Microsoft.Extensions.Options;
using Reelgate.Core;
using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;
using Reelgate.Core.Keys;
using Reelgate.Core.Ports;
using Reelgate.Core.Webhooks;
using Reelgate.Server.Auth;
using Reelgate.Server.Configuration;
using Reelgate.Server.Errors;
using Reelgate.Server.Http;
using Reelgate.Server.Webhooks;

namespace Reelgate.Server.Features.Keys;

/// <summary>Admin routes: create (shown once), list, read, revoke keys and add credit.</summary>
public static class KeysApi
{
    public static RouteGroupBuilder MapKeys(this RouteGroupBuilder v1)
    {
        var keys = v1.MapGroup("/keys").RequireAuthorization(ApiKeyClaims.AdminPolicy);
        keys.MapPost("/", CreateAsync)
            .WithName("CreateKey").WithSummary("Create a key; the key itself is in this answer only")
            .Accepts<CreateKeyRequest>("application/json")
            .Produces<KeyResponse>(StatusCodes.Status201Created).ProducesErrors(400, 401, 403, 413, 415, 422);
        keys.MapGet("/", ListAsync)
            .WithName("ListKeys").WithSummary("Every key, newest first (never the secret)")
            .Produces<KeyListResponse>().ProducesErrors(401, 403);
        keys.MapGet("/{key_id}", GetAsync)
            .WithName("GetKey").WithSummary("One key")
            .Produces<KeyResponse>().ProducesErrors(401, 403, 404);
        keys.MapDelete("/{key_id}", RevokeAsync)
            .WithName("RevokeKey").WithSummary("Revoke a key: it stops working at once (the last active admin key cannot be revoked)")
            .Produces<KeyResponse>().ProducesErrors(401, 403, 404, 409);
        keys.MapPatch("/{key_id}/limits", SetLimitsAsync)
            .WithName("SetKeyLimits").WithSummary("Raise, lower or clear a key's limits: each limit given is set, null clears it, one left out stays")
            .Accepts<LimitsRequest>("application/json")
            .Produces<KeyResponse>().ProducesErrors(400, 401, 403, 404, 413, 415, 422);
        keys.MapPost("/{key_id}/credits", AddCreditsAsync)
            .WithName("AddCredits").WithSummary("Add credit to a key; answers its new balance")
            .Accepts<AddCreditsRequest>("application/json")
            .Produces<BalanceResponse>().ProducesErrors(400, 401, 403, 404, 413, 415, 422);
        keys.MapPost("/{key_id}/webhook-secret", RotateWebhookSecretAsync)
            .WithName("RotateWebhookSecret").WithSummary("Replace the key's webhook signing secret; the new one is shown once")
            .Produces<WebhookSecretResponse>().ProducesErrors(401, 403, 404);
        keys.MapPut("/{key_id}/webhook", SetWebhookAsync)
            .WithName("SetKeyWebhook").WithSummary("Set or clear the key's default webhook URL (used when a request names none)")
            .Accepts<KeyWebhookRequest>("application/json")
            .Produces<KeyResponse>().ProducesErrors(400, 401, 403, 404, 415, 422);
        return v1;
    }

    private static async Task<IResult> CreateAsync(
        HttpRequest request, IKeyStore keys, WebhookUrlGuard webhookGuard, IOptions<KeyLimitDefaultsOptions> defaults, TimeProvider time, CancellationToken cancellationToken)
    {
        var read = await JsonBodyReader.ReadAsync(request, cancellationToken);
        if (!read.Succeeded)
        {
            return ErrorResult.From(read.Failure);
        }

        using var body = read.Value;
        var parsed = KeyRequestParser.ParseCreate(body.Root);
        if (!parsed.Succeeded)
        {
            return ErrorResult.From(parsed.Failure);
        }

        var wanted = parsed.Value;
        if (wanted.WebhookUrl is not null && await webhookGuard.CheckAsync(wanted.WebhookUrl, "webhook_url", cancellationToken) is { } refused)
        {
            return ErrorResult.From(refused);
        }

        var now = time.GetUtcNow();
        var secret = KeySecrets.NewKey();
        var webhookSecret = WebhookSecrets.New();
        var limits = wanted.Limits.ApplyTo(defaults.Value.ToLimits());
        var key = new ApiKey(Ids.New(Ids.KeyPrefix, now), wanted.Name, KeySecrets.DisplayPrefix(secret), wanted.Owner, wanted.Admin, now, null, limits)
        {
            WebhookUrl = wanted.WebhookUrl,
            Weight = wanted.Weight,
            IsTest = wanted.Test,
        };
        await keys.CreateAsync(new NewApiKey(key, KeySecrets.Hash(secret), wanted.Credits, webhookSecret), now, cancellationToken);
        var response = Map(key, new Balance(wanted.Credits, Core.Pricing.Money.Zero)) with { Key = secret, WebhookSecret = webhookSecret };
        return TypedResults.Created($"/v1/keys/{key.Id}", response);
    }

    private static async Task<IResult> ListAsync(IKeyStore keys, CancellationToken cancellationToken)
    {
        var all = await keys.ListAsync(cancellationToken);
        var data = new List<KeyResponse>();
        foreach (var key in all)
        {
            data.Add(Map(key, await keys.GetBalanceAsync(key.Id, cancellationToken) ?? new Balance(default, default)));
        }

        return TypedResults.Ok(new KeyListResponse("list", data));
    }

    private static async Task<IResult> GetAsync(string key_id, IKeyStore keys, CancellationToken cancellationToken)
    {
        var key = await keys.GetAsync(key_id, cancellationToken);
        var balance = key is null ? null : await keys.GetBalanceAsync(key.Id, cancellationToken);
        return key is null || balance is null ? NotFound(key_id) : TypedResults.Ok(Map(key, balance));
    }

    private static async Task<IResult> RevokeAsync(string key_id, IKeyStore keys, ApiKeyCache cache, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await keys.RevokeAsync(key_id, time.GetUtcNow(), cancellationToken) == RevokeOutcome.LastAdmin)
        {
            return ErrorResult.From(new Failure(FailureKind.Conflict, "last_admin_key",
                $"{Failure.Printable(key_id)} is the last active admin key; create another admin key before revoking it", "key_id"));
        }

        cache.Forget(key_id);
        return await GetAsync(key_id, keys, cancellationToken);
    }

    private static async Task<IResult> SetLimitsAsync(string key_id, HttpRequest request, IKeyStore keys, ApiKeyCache cache, CancellationToken cancellationToken)
    {
        var read = await JsonBodyReader.ReadAsync(request, cancellationToken);
        if (!read.Succeeded)
        {
            return ErrorResult.From(read.Failure);
        }

        using var body = read.Value;
        var patch = KeyRequestParser.ParseLimits(body.Root);
        if (!patch.Succeeded)
        {
            return ErrorResult.From(patch.Failure);
        }

        var key = await keys.GetAsync(key_id, cancellationToken);
        if (key is null || !await keys.SetLimitsAsync(key_id, patch.Value.ApplyTo(key.Limits), cancellationToken))
        {
            return NotFound(key_id);
        }

        cache.Forget(key_id);
        return await GetAsync(key_id, keys, cancellationToken);
    }

    private static async Task<IResult> AddCreditsAsync(string key_id, HttpRequest request, IKeyStore keys, TimeProvider time, CancellationToken cancellationToken)
    {
        var read = await JsonBodyReader.ReadAsync(request, cancellationToken);
        if (!read.Succeeded)
        {
            return ErrorResult.From(read.Failure);
        }

        using var body = read.Value;
        var amount = KeyRequestParser.ParseCredits(body.Root);
        if (!amount.Succeeded)
        {
            return ErrorResult.From(amount.Failure);
        }

        var balance = await keys.AddCreditsAsync(key_id, amount.Value, time.GetUtcNow(), cancellationToken);
        return balance is null ? NotFound(key_id) : TypedResults.Ok(MapBalance(balance));
    }

    private static async Task<IResult> RotateWebhookSecretAsync(string key_id, IWebhookStore webhooks, CancellationToken cancellationToken)
    {
        var secret = WebhookSecrets.New();
        return await webhooks.SetSecretAsync(key_id, secret, cancellationToken)
            ? TypedResults.Ok(new WebhookSecretResponse(key_id, secret))
            : NotFound(key_id);
    }

    private static async Task<IResult> SetWebhookAsync(
        string key_id, HttpRequest request, IKeyStore keys, IWebhookStore webhooks, WebhookUrlGuard webhookGuard, ApiKeyCache cache, CancellationToken cancellationToken)
    {
        var read = await JsonBodyReader.ReadAsync(request, cancellationToken);
        if (!read.Succeeded)
        {
            return ErrorResult.From(read.Failure);
        }

        using var body = read.Value;
        var url = KeyRequestParser.ParseWebhook(body.Root);
        if (!url.Succeeded)
        {
            return ErrorResult.From(url.Failure);
        }

        if (url.Value is not null && await webhookGuard.CheckAsync(url.Value, "url", cancellationToken) is { } refused)
        {
            return ErrorResult.From(refused);
        }

        var set = await webhooks.SetDefaultUrlAsync(key_id, url.Value, cancellationToken);
        cache.Forget(key_id);
        return set
            ? await GetAsync(key_id, keys, cancellationToken)
            : NotFound(key_id);
    }

    public static BalanceResponse MapBalance(Balance balance) => new(balance.Available.ToString(), balance.Held.ToString(), "USD");

    private static KeyResponse Map(ApiKey key, Balance balance) => new(
        key.Id, "key", null, key.Name, key.Prefix, key.Owner, key.IsAdmin, key.CreatedAt, key.RevokedAt,
        new LimitsResponse(key.Limits.SpendPerDay?.ToString(), key.Limits.JobsInFlight, key.Limits.RequestsPerMinute, key.Limits.UploadBytes),
        MapBalance(balance),
        key.WebhookUrl,
        null)
    {
        Weight = key.Weight,
        Test = key.IsTest,
    };

    private static ErrorResult NotFound(string keyId) =>
        ErrorResult.From(new Failure(FailureKind.NotFound, "key_not_found", $"no key {Failure.Printable(keyId)} exists", "key_id"));
}
