using System.Net;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Jobs;

public sealed class PagingTests(ApiOnlyApp app) : IClassFixture<ApiOnlyApp>
{
    [Fact]
    public async Task List_pages_the_keys_jobs_newest_first_with_a_cursor()
    {
        using var key = await app.CreateKeyAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Api.SubmitAsync(key.Client, Api.Body($"job {i}", ("resolution", "360p"))))["job_id"]!.GetValue<string>());
        }

        ids.Reverse();
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var (status, page) = await Api.GetJsonAsync(key.Client, "/v1/jobs?limit=2" + (cursor is null ? "" : "&after=" + cursor));
            status.ShouldBe(HttpStatusCode.OK);
            page["object"]!.GetValue<string>().ShouldBe("list");
            seen.AddRange(page["data"]!.AsArray().Select(j => j!["job_id"]!.GetValue<string>()));
            cursor = page["next_cursor"]?.GetValue<string>();
            page["has_more"]!.GetValue<bool>().ShouldBe(cursor is not null);
            pages++;
        }
        while (cursor is not null);

        pages.ShouldBe(3);
        seen.ShouldBe(ids);
    }

    [Fact]
    public async Task List_filters_by_status()
    {
        using var key = await app.CreateKeyAsync();
        var kept = (await Api.SubmitAsync(key.Client, Api.Body("a")))["job_id"]!.GetValue<string>();
        var cancelled = (await Api.SubmitAsync(key.Client, Api.Body("b")))["job_id"]!.GetValue<string>();
        (await Api.PostJsonAsync(key.Client, $"/v1/jobs/{cancelled}/cancel", new System.Text.Json.Nodes.JsonObject())).Response.Dispose();

        var (_, queued) = await Api.GetJsonAsync(key.Client, "/v1/jobs?status=queued");
        queued["data"]!.AsArray().Select(j => j!["job_id"]!.GetValue<string>()).ShouldBe([kept]);
        var (_, done) = await Api.GetJsonAsync(key.Client, "/v1/jobs?status=cancelled");
        done["data"]!.AsArray().Select(j => j!["job_id"]!.GetValue<string>()).ShouldBe([cancelled]);
    }

    [Fact]
    public async Task List_returns_422_when_the_cursor_is_another_keys_job()
    {
        using var owner = await app.CreateKeyAsync();
        using var other = await app.CreateKeyAsync();
        var foreign = (await Api.SubmitAsync(owner.Client, Api.Body("a")))["job_id"]!.GetValue<string>();
        (await Api.GetJsonAsync(other.Client, "/v1/jobs?after=" + foreign))
            .ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", "invalid_cursor", "after");
    }
}
