using System.Net;
using System.Text.Json.Nodes;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Http;

public sealed class OperationsTests(ReelgateApp app) : IClassFixture<ReelgateApp>
{
    [Fact]
    public async Task Healthz_answers_200_without_checking_dependencies()
    {
        using var client = app.ClientWith(null);
        using var response = await client.GetAsync("/healthz", Api.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Api.ReadObjectAsync(response))["status"]!.GetValue<string>().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Readyz_reports_database_blob_store_ffmpeg_and_workers()
    {
        using var client = app.ClientWith(null);
        using var response = await client.GetAsync("/readyz", Api.Token);
        var report = await Api.ReadObjectAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, report.ToJsonString());
        report["status"]!.GetValue<string>().ShouldBe("Healthy");
        var entries = report["entries"]!.AsObject();
        entries.Select(e => e.Key).Order(StringComparer.Ordinal).ShouldBe(["blob_store", "database", "ffmpeg", "workers"]);
        entries.ShouldAllBe(e => e.Value!["status"]!.GetValue<string>() == "Healthy");
    }

    [Fact]
    public async Task Every_answer_carries_a_request_id_and_keeps_the_callers()
    {
        using var client = app.ClientWith(null);
        using var plain = await client.GetAsync("/v1/models", Api.Token);
        plain.Headers.GetValues("X-Request-Id").Single().ShouldNotBeNullOrWhiteSpace();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/nothing-here");
        request.Headers.Add("X-Request-Id", "trace-abc-123");
        using var echoed = await client.SendAsync(request, Api.Token);
        echoed.Headers.GetValues("X-Request-Id").Single().ShouldBe("trace-abc-123");
        echoed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Api.ReadObjectAsync(echoed))["error"].ShouldBeOfType<JsonObject>();
    }
}
