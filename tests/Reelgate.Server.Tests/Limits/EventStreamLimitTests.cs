using System.Net;
using Reelgate.Server.Tests.Infrastructure;
using Reelgate.Testing;

namespace Reelgate.Server.Tests.Limits;

/// <summary>Event streams are capped per key, and a quiet stream sends a comment line at the heartbeat interval.</summary>
public sealed class EventStreamLimitTests(EventStreamLimitTests.StreamsApp app) : IClassFixture<EventStreamLimitTests.StreamsApp>
{
    /// <summary>No workers (a job stays queued, its stream quiet), two streams a key, a heartbeat every 200 ms.</summary>
    public sealed class StreamsApp : ReelgateApp
    {
        protected override int Workers => 0;

        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Reelgate:Limits:EventStreamsPerKey"] = "2",
            ["Reelgate:Limits:EventStreamHeartbeat"] = "00:00:00.200",
        };
    }

    [Fact]
    public async Task Events_return_429_past_the_keys_open_streams_and_accept_again_when_one_closes()
    {
        using var key = await app.CreateKeyAsync();
        using var other = await app.CreateKeyAsync();
        var jobId = (await Api.SubmitAsync(key.Client, Api.Body("quiet", ("resolution", "360p"))))["job_id"]!.GetValue<string>();
        var otherJob = (await Api.SubmitAsync(other.Client, Api.Body("quiet", ("resolution", "360p"))))["job_id"]!.GetValue<string>();

        using var first = await OpenAsync(key.Client, jobId);
        using var second = await OpenAsync(key.Client, jobId);
        using (var third = await key.Client.GetAsync($"/v1/jobs/{jobId}/events", HttpCompletionOption.ResponseHeadersRead, Api.Token))
        {
            third.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
            third.Headers.RetryAfter.ShouldNotBeNull();
            (third.StatusCode, await Api.ReadObjectAsync(third)).ShouldBeError(
                HttpStatusCode.TooManyRequests,
                "rate_limit_error",
                "too_many_event_streams");
        }

        using var othersStream = await OpenAsync(other.Client, otherJob);
        first.Dispose();

        // The server frees the slot when it sees the client gone: poll for it.
        await Poll.UntilAsync(
            async () =>
            {
                using var again = await key.Client.GetAsync(
                    $"/v1/jobs/{jobId}/events",
                    HttpCompletionOption.ResponseHeadersRead,
                    Api.Token);
                return again.StatusCode == HttpStatusCode.OK;
            },
            TimeSpan.FromSeconds(30),
            Api.Token,
            () => "the closed stream's slot was never freed");
    }

    [Fact]
    public async Task Events_send_a_comment_line_when_the_stream_is_quiet_for_the_heartbeat_interval()
    {
        using var key = await app.CreateKeyAsync();
        var jobId = (await Api.SubmitAsync(key.Client, Api.Body("quiet", ("resolution", "360p"))))["job_id"]!.GetValue<string>();

        using var response = await OpenAsync(key.Client, jobId);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Api.Token));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Api.Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        var lines = new List<string>();
        while (await reader.ReadLineAsync(deadline.Token) is { } line)
        {
            lines.Add(line);
            if (line.StartsWith(':'))
            {
                break;
            }
        }

        lines[0].ShouldBe("event: job.queued");
        lines.ShouldContain(": keep-alive");
    }

    private static async Task<HttpResponseMessage> OpenAsync(HttpClient client, string jobId)
    {
        var response = await client.GetAsync($"/v1/jobs/{jobId}/events", HttpCompletionOption.ResponseHeadersRead, Api.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        return response;
    }
}
