using System.Net;
using System.Text.Json.Nodes;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Jobs;

public sealed class EventStreamTests(ReelgateApp app) : IClassFixture<ReelgateApp>
{
    [Fact]
    public async Task Events_stream_status_and_progress_changes_and_end_at_the_final_state()
    {
        using var key = await app.CreateKeyAsync();
        var submitted = await Api.SubmitAsync(key.Client, Api.Body("x [hold] [hold2]", ("resolution", "360p"), ("audio", false)));
        var jobId = submitted["job_id"]!.GetValue<string>();

        using var response = await key.Client.GetAsync($"/v1/jobs/{jobId}/events", HttpCompletionOption.ResponseHeadersRead, Api.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Api.Token));

        var events = new List<(string Event, JsonObject Data)>();
        string? name = null;
        while (await reader.ReadLineAsync(Api.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var data = JsonNode.Parse(line["data: ".Length..])!.AsObject();
                events.Add((name!, data));
                var processing = data["status"]!.GetValue<string>() == "processing";
                if (processing && data["progress"]!.GetValue<int>() == 10)
                {
                    app.Engine.Release(jobId);
                }
                else if (processing && data["progress"]!.GetValue<int>() == 60)
                {
                    name.ShouldBe("job.progress");
                    app.Engine.Release(jobId + "/2");
                }
            }
        }

        events[0].Event.ShouldBeOneOf("job.queued", "job.processing");
        events.ShouldContain(e => e.Event == "job.processing");
        events.ShouldContain(e => e.Event == "job.progress");
        events[^1].Event.ShouldBe("job.completed");
        events[^1].Data["status"]!.GetValue<string>().ShouldBe("completed");
        events[^1].Data["result"]!["outputs"]!.AsArray().Count.ShouldBe(2);
        events.Select(e => e.Data["progress"]!.GetValue<int>()).ShouldBeInOrder();
    }

    [Fact]
    public async Task Events_return_404_before_any_stream_when_the_job_does_not_exist()
    {
        using var key = await app.CreateKeyAsync();
        using var response = await key.Client.GetAsync("/v1/jobs/job_01m899hxwbkq2g0000000016bb/events", Api.Token);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (response.StatusCode, await Api.ReadObjectAsync(response)).ShouldBeError(
            HttpStatusCode.NotFound,
            "invalid_request_error",
            "job_not_found");
    }
}
