using System.Net;
using System.Text.Json.Nodes;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Billing;

/// <summary>Every cell of the seed's rate card, quoted and charged through the API.</summary>
public sealed class RateCardTests(ReelgateApp app) : IClassFixture<ReelgateApp>
{
    public static TheoryData<string, int, bool, string> Cells() => new()
    {
        { "360p", 5, false, "0.40" }, { "360p", 5, true, "0.80" }, { "360p", 8, false, "0.80" }, { "360p", 8, true, "1.60" },
        { "360p", 10, false, "0.88" }, { "360p", 10, true, "1.76" },
        { "540p", 5, false, "0.40" }, { "540p", 5, true, "0.80" }, { "540p", 8, false, "0.80" }, { "540p", 8, true, "1.60" },
        { "540p", 10, false, "0.88" }, { "540p", 10, true, "1.76" },
        { "720p", 5, false, "0.65" }, { "720p", 5, true, "1.30" }, { "720p", 8, false, "1.30" }, { "720p", 8, true, "2.60" },
        { "720p", 10, false, "1.43" }, { "720p", 10, true, "2.86" },
        { "1080p", 5, false, "0.75" }, { "1080p", 5, true, "1.50" }, { "1080p", 8, false, "1.50" }, { "1080p", 8, true, "3.00" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Quote_prices_each_cell_of_the_rate_card(string resolution, int seconds, bool audio, string price)
    {
        using var anonymous = app.ClientWith(null);
        var (status, quote, response) = await Api.PostJsonAsync(anonymous, "/v1/pricing/quote",
            Api.Body("x", ("resolution", resolution), ("duration", $"{seconds}s"), ("audio", audio)));
        response.Dispose();
        status.ShouldBe(HttpStatusCode.OK);
        quote["amount"]!.GetValue<string>().ShouldBe(price);
        quote["currency"]!.GetValue<string>().ShouldBe("USD");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Quote_refuses_the_cells_the_card_leaves_empty(bool audio)
    {
        using var anonymous = app.ClientWith(null);
        var (status, json, response) = await Api.PostJsonAsync(anonymous, "/v1/pricing/quote",
            Api.Body("x", ("resolution", "1080p"), ("duration", "10s"), ("audio", audio)));
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", "unsupported_combination", "duration");
    }

    [Fact]
    public async Task Quote_answers_the_same_422_a_submit_would()
    {
        using var anonymous = app.ClientWith(null);
        var (status, json, response) = await Api.PostJsonAsync(anonymous, "/v1/pricing/quote", Api.Body("x", ("style", "Anime")));
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", "invalid_value", "style");
    }

    [Fact]
    public async Task Pricing_lists_every_cell_of_the_card()
    {
        var (_, pricing) = await Api.GetJsonAsync(app.ClientWith(null), "/v1/pricing");
        var card = pricing["data"]!.AsArray().Single(m => m!["model"]!.GetValue<string>() == "pixverse-v5-6")!;
        card["rows"]!.AsArray().Count.ShouldBe(16);
        card["tiers"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ShouldBe(["360p/540p", "720p", "1080p"]);
        card["tiers"]![2]!["prices"]!["8s+audio"]!.GetValue<string>().ShouldBe("3.00");
    }

    [Fact]
    public async Task Completed_jobs_are_charged_exactly_their_cell_and_the_ledger_agrees_row_by_row()
    {
        using var key = await app.CreateKeyAsync("100.00");
        var cells = Cells().Select(row => row.Data).Where(c => c.Item1 != "540p").ToList();
        var jobs = new List<(string JobId, string Price)>();
        foreach (var (resolution, seconds, audio, price) in cells)
        {
            var job = await Api.SubmitAsync(key.Client, Api.Body("x", ("resolution", resolution), ("duration", seconds), ("audio", audio)));
            job["cost"]!["amount"]!.GetValue<string>().ShouldBe(price);
            jobs.Add((job["job_id"]!.GetValue<string>(), price));
        }

        var total = 0m;
        foreach (var (jobId, price) in jobs)
        {
            var done = await Api.WaitForAsync(key.Client, jobId, TimeSpan.FromMinutes(3), "completed", "failed");
            done["status"]!.GetValue<string>().ShouldBe("completed");
            done["cost"]!["state"]!.GetValue<string>().ShouldBe("charged");
            total += decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);
        }

        var (_, balance) = await Api.GetJsonAsync(key.Client, "/v1/balance");
        decimal.Parse(balance["available"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(100m - total);
        balance["held"]!.GetValue<string>().ShouldBe("0.00");

        var rows = await Ledger.ReadAllAsync(key.Client);
        rows.Sum(r => r.Amount).ShouldBe(100m - total);
        foreach (var (jobId, price) in jobs)
        {
            var amount = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);
            rows.Where(r => r.JobId == jobId).Select(r => (r.Kind, r.Amount)).OrderBy(r => r.Kind, StringComparer.Ordinal)
                .ShouldBe([("charge", -amount), ("hold", -amount), ("release", amount)]);
        }
    }
}

/// <summary>Reads a key's whole ledger through GET /v1/usage, following the cursor, oldest first.</summary>
public static class Ledger
{
    public sealed record Row(string Id, string Kind, decimal Amount, string? JobId, decimal AvailableAfter);

    public static async Task<List<Row>> ReadAllAsync(HttpClient client)
    {
        var rows = new List<Row>();
        string? cursor = null;
        do
        {
            var (_, page) = await Api.GetJsonAsync(client, "/v1/usage?limit=100" + (cursor is null ? "" : "&after=" + cursor));
            rows.AddRange(page["data"]!.AsArray().Select(r => new Row(
                r!["id"]!.GetValue<string>(),
                r["kind"]!.GetValue<string>(),
                decimal.Parse(r["amount"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
                r["job_id"]?.GetValue<string>(),
                decimal.Parse(r["available_after"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))));
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        rows.Reverse();
        return rows;
    }

    /// <summary>Each row's available_after is the running sum of the amounts up to it.</summary>
    public static void ShouldAddUp(this IReadOnlyList<Row> rows)
    {
        var running = 0m;
        foreach (var row in rows)
        {
            running += row.Amount;
            row.AvailableAfter.ShouldBe(running, $"ledger row {row.Id} ({row.Kind} {row.Amount})");
        }
    }

    public static JsonObject Limits(string? spendPerDay = null, int? jobsInFlight = null, int? requestsPerMinute = null)
    {
        var limits = new JsonObject();
        if (spendPerDay is not null)
        {
            limits["spend_per_day"] = spendPerDay;
        }

        if (jobsInFlight is not null)
        {
            limits["jobs_in_flight"] = jobsInFlight;
        }

        if (requestsPerMinute is not null)
        {
            limits["requests_per_minute"] = requestsPerMinute;
        }

        return limits;
    }
}
