using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Reelgate.Core;
using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;
using Reelgate.Core.Keys;
using Reelgate.Core.Ports;
using Reelgate.Core.Webhooks;
using Reelgate.Server.Auth;
using Reelgate.Server.Errors;
using Reelgate.Server.Http;

namespace Reelgate.Server.Features.Keys;

/// <summary>Admin routes: create (shown once), list, read, revoke keys and add credit.</summary>
public static class KeysApi
{
    public static RouteGroupBuilder MapKeys(this RouteGroupBuilder v1)
    {
        var keys = v1.MapGroup("/keys").RequireAuthorization(ApiKeyClaims.AdminPolicy);
        keys.MapPost("/", CreateAsync)
            .WithName("CreateKey").WithSummary("Create a key; the key itself is in this answer only")
            .Accepts<CreateKeyRequest>("application/json");
        keys.MapGet("/", ListAsync)
            .WithName("ListKeys").WithSummary("Every key, newest first (never the secret)");
        keys.MapGet("/{key_id}", GetAsync)
            .WithName("GetKey").WithSummary("One key");
        keys.MapDelete("/{key_id}", RevokeAsync)
            .WithName("RevokeKey")
            .WithSummary("Revoke a key: it stops working at once (the last active admin key cannot be revoked)");
        keys.MapPatch("/{key_id}/limits", SetLimitsAsync)
            .WithName("SetKeyLimits")
            .WithSummary("Raise, lower or clear a key's limits: each limit given is set, null clears it, one left out stays")
            .Accepts<LimitsRequest>("application/json");
        keys.MapPost("/{key_id}/credits", AddCreditsAsync)
            .WithName("AddCredits").WithSummary("Add credit to a key; answers its new balance")
            .Accepts<AddCreditsRequest>("application/json");
        keys.MapPost("/{key_id}/webhook-secret", RotateWebhookSecretAsync)
            .WithName("RotateWebhookSecret").WithSummary("Replace the key's webhook signing secret; the new one is shown once");
        keys.MapPut("/{key_id}/webhook", SetWebhookAsync)
            .WithName("SetKeyWebhook").WithSummary("Set or clear the key's default webhook URL (used when a request names none)")
            .Accepts<KeyWebhookRequest>("application/json");
        return v1;
    }

    [ProducesErrors(400, 413, 415, 422)]
    private static async Task<Results<Created<KeyResponse>, ErrorResult>> CreateAsync(
        HttpRequest request, [AsParameters] KeyServices services, CancellationToken cancellationToken)
    {
        var parsed = await ReadBodyAsync(request, KeyRequestParser.ParseCreate, cancellationToken);
        if (!parsed.Succeeded)
        {
            return ErrorResult.From(parsed.Failure);
        }

        var wanted = parsed.Value;
        if (wanted.WebhookUrl is not null
            && await services.WebhookGuard.CheckAsync(wanted.WebhookUrl, "webhook_url", cancellationToken) is { } refused)
        {
            return ErrorResult.From(refused);
        }

        var now = services.Time.GetUtcNow();
        var secret = KeySecrets.NewKey();
        var webhookSecret = WebhookSecrets.New();
        var limits = wanted.Limits.ApplyTo(services.Defaults.Value.ToLimits());
        var key = new ApiKey(
            Ids.New(Ids.KeyPrefix, now), wanted.Name, KeySecrets.DisplayPrefix(secret), wanted.Owner, wanted.Admin, now, null, limits)
        {
            WebhookUrl = wanted.WebhookUrl,
            Weight = wanted.Weight,
            IsTest = wanted.Test,
        };
        await services.Keys.CreateAsync(new NewApiKey(key, KeySecrets.Hash(secret), wanted.Credits, webhookSecret), now, cancellationToken);
        var response = Map(key, new Balance(wanted.Credits, Core.Pricing.Money.Zero)) with { Key = secret, WebhookSecret = webhookSecret };
        return TypedResults.Created($"/v1/keys/{key.Id}", response);
    }

    private static async Task<Ok<KeyListResponse>> ListAsync(IKeyStore keys, CancellationToken cancellationToken)
    {
        var all = await keys.ListWithBalancesAsync(cancellationToken);
        return TypedResults.Ok(new KeyListResponse("list", all.Select(k => Map(k.Key, k.Balance)).ToList()));
    }

    [ProducesErrors(404)]
    private static async Task<Results<Ok<KeyResponse>, ErrorResult>> GetAsync(
        [FromRoute(Name = "key_id")] string keyId, IKeyStore keys, CancellationToken cancellationToken)
    {
        var key = await keys.GetAsync(keyId, cancellationToken);
        var balance = key is null ? null : await keys.GetBalanceAsync(key.Id, cancellationToken);
        return key is null || balance is null ? NotFound(keyId) : TypedResults.Ok(Map(key, balance));
    }

    [ProducesErrors(404, 409)]
    private static async Task<Results<Ok<KeyResponse>, ErrorResult>> RevokeAsync(
        [FromRoute(Name = "key_id")] string keyId, IKeyStore keys, ApiKeyCache cache, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (await keys.RevokeAsync(keyId, time.GetUtcNow(), cancellationToken) == RevokeOutcome.LastAdmin)
        {
            return ErrorResult.From(new Failure(FailureKind.Conflict, "last_admin_key",
                $"{Failure.Printable(keyId)} is the last active admin key; create another admin key before revoking it", "key_id"));
        }

        cache.Forget(keyId);
        return await GetAsync(keyId, keys, cancellationToken);
    }

    [ProducesErrors(400, 404, 413, 415, 422)]
    private static async Task<Results<Ok<KeyResponse>, ErrorResult>> SetLimitsAsync(
        [FromRoute(Name = "key_id")] string keyId, HttpRequest request, IKeyStore keys, ApiKeyCache cache,
        CancellationToken cancellationToken)
    {
        var patch = await ReadBodyAsync(request, KeyRequestParser.ParseLimits, cancellationToken);
        if (!patch.Succeeded)
        {
            return ErrorResult.From(patch.Failure);
        }

        var key = await keys.GetAsync(keyId, cancellationToken);
        if (key is null || !await keys.SetLimitsAsync(keyId, patch.Value.ApplyTo(key.Limits), cancellationToken))
        {
            return NotFound(keyId);
        }

        cache.Forget(keyId);
        return await GetAsync(keyId, keys, cancellationToken);
    }

    [ProducesErrors(400, 404, 413, 415, 422)]
    private static async Task<Results<Ok<BalanceResponse>, ErrorResult>> AddCreditsAsync(
        [FromRoute(Name = "key_id")] string keyId, HttpRequest request, IKeyStore keys, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var amount = await ReadBodyAsync(request, KeyRequestParser.ParseCredits, cancellationToken);
        if (!amount.Succeeded)
        {
            return ErrorResult.From(amount.Failure);
        }

        var balance = await keys.AddCreditsAsync(keyId, amount.Value, time.GetUtcNow(), cancellationToken);
        return balance is null ? NotFound(keyId) : TypedResults.Ok(MapBalance(balance));
    }

    [ProducesErrors(404)]
    private static async Task<Results<Ok<WebhookSecretResponse>, ErrorResult>> RotateWebhookSecretAsync(
        [FromRoute(Name = "key_id")] string keyId, IWebhookStore webhooks, CancellationToken cancellationToken)
    {
        var secret = WebhookSecrets.New();
        return await webhooks.SetSecretAsync(keyId, secret, cancellationToken)
            ? TypedResults.Ok(new WebhookSecretResponse(keyId, secret))
            : NotFound(keyId);
    }

    [ProducesErrors(400, 404, 415, 422)]
    private static async Task<Results<Ok<KeyResponse>, ErrorResult>> SetWebhookAsync(
        [FromRoute(Name = "key_id")] string keyId, HttpRequest request, [AsParameters] KeyServices services,
        CancellationToken cancellationToken)
    {
        var url = await ReadBodyAsync(request, KeyRequestParser.ParseWebhook, cancellationToken);
        if (!url.Succeeded)
        {
            return ErrorResult.From(url.Failure);
        }

        if (url.Value is not null && await services.WebhookGuard.CheckAsync(url.Value, "url", cancellationToken) is { } refused)
        {
            return ErrorResult.From(refused);
        }

        var set = await services.Webhooks.SetDefaultUrlAsync(keyId, url.Value, cancellationToken);
        services.Cache.Forget(keyId);
        return set
            ? await GetAsync(keyId, services.Keys, cancellationToken)
            : NotFound(keyId);
    }

    /// <summary>Reads the JSON body and parses it; the reader's failure (400, 413, 415) or the parser's (422).</summary>
    private static async Task<Outcome<T>> ReadBodyAsync<T>(
        HttpRequest request, Func<JsonElement, Outcome<T>> parse, CancellationToken cancellationToken)
    {
        var read = await JsonBodyReader.ReadAsync(request, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Failure;
        }

        using var body = read.Value;
        return parse(body.Root);
    }

    public static BalanceResponse MapBalance(Balance balance) => new(balance.Available.ToString(), balance.Held.ToString(), "USD");

    private static KeyResponse Map(ApiKey key, Balance balance) => new(
        key.Id, "key", null, key.Name, key.Prefix, key.Owner, key.IsAdmin, key.CreatedAt, key.RevokedAt,
        new LimitsResponse(
            key.Limits.SpendPerDay?.ToString(), key.Limits.JobsInFlight, key.Limits.RequestsPerMinute, key.Limits.UploadBytes),
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
