using Microsoft.AspNetCore.Http.HttpResults;
using Reelgate.Core;
using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Server.Auth;
using Reelgate.Server.Errors;
using Reelgate.Server.Http;
using Reelgate.Server.Features.Keys;

namespace Reelgate.Server.Features.Billing;

/// <summary>GET /v1/balance and GET /v1/usage: the calling key's credit and its ledger.</summary>
public static class BillingApi
{
    public static RouteGroupBuilder MapBilling(this RouteGroupBuilder v1)
    {
        v1.MapGet("/balance", GetBalanceAsync)
            .WithName("GetBalance").WithSummary("The key's available and held credit");
        v1.MapGet("/usage", ListUsageAsync)
            .WithName("ListUsage").WithSummary("The key's ledger rows, newest first");
        return v1;
    }

    private static async Task<Ok<BalanceResponse>> GetBalanceAsync(
        HttpContext http, IKeyStore keys, CancellationToken cancellationToken)
    {
        var balance = await keys.GetBalanceAsync(http.User.KeyId(), cancellationToken) ?? new Balance(default, default);
        return TypedResults.Ok(KeysApi.MapBalance(balance));
    }

    [ProducesErrors(422)]
    private static async Task<Results<Ok<UsageResponse>, ErrorResult>> ListUsageAsync(
        HttpContext http, IKeyStore keys, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        if (!PageLimit.TryRead(query, out var limit))
        {
            return ErrorResult.From(Failure.Invalid("limit", "invalid_value", PageLimit.Problem));
        }

        string? after = query.TryGetValue("after", out var afterText) ? afterText.ToString() : null;
        var invalidCursor = Failure.Invalid("after", "invalid_cursor",
            "after must be the id of a row of this key's usage (the next_cursor of a previous page)");
        if (after is not null && !Ids.IsWellFormed(after, Ids.LedgerPrefix))
        {
            return ErrorResult.From(invalidCursor);
        }

        var page = await keys.ListLedgerAsync(http.User.KeyId(), limit, after, cancellationToken);
        return page is null
            ? ErrorResult.From(invalidCursor)
            : TypedResults.Ok(new UsageResponse(
                "list",
                page.Items.Select(e => new UsageEntryResponse(
                    e.Id, e.CreatedAt, LedgerKindNames.ToWire(e.Kind), e.Amount.ToString(), "USD", e.JobId, e.AvailableAfter.ToString()))
                    .ToList(),
                page.HasMore,
                page.NextCursor));
    }
}
