using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reelgate.Testing;

namespace Reelgate.EndToEnd.Tests;

/// <summary>
/// kill -9 of the real server process at random moments while jobs are being submitted, queued and
/// rendered; restarted on the same data folder each time. No accepted job is lost or doubled, and the
/// money is exact: one hold per job, one charge per completed job, balance = credit − sum of prices.
/// </summary>
public sealed class CrashRecoveryTests
{
    private static readonly Dictionary<string, string> Settings = new(StringComparer.Ordinal)
    {
        ["REELGATE_WORKERS"] = "2",
        ["Reelgate__Workers__Lease"] = "00:00:03",
        ["Reelgate__Workers__MaxAttempts"] = "50",
        ["Reelgate__Workers__PollInterval"] = "00:00:00.200",
    };

    [Fact]
    public async Task Every_accepted_job_ends_exactly_once_and_is_charged_once_after_kill_9_at_random_moments()
    {
        var token = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("crash");
        var server = new ServerProcess(data.Path, Settings);
        await server.StartAsync(token);
        using var admin = server.Client();
        var (_, secret) = await JobTraffic.CreateKeyAsync(admin, "100.00", token);

        var random = new Random(20261125);
        var accepted = new ConcurrentDictionary<string, (string JobId, decimal Price)>(StringComparer.Ordinal);
        var submitting = true;
        var submitter = Task.Run(async () =>
        {
            using var client = server.Client(secret);
            for (var i = 0; i < 18 && submitting; i++)
            {
                var body = new JsonObject
                {
                    ["model"] = "pixverse-v5-6",
                    ["prompt"] = $"job {i}: a fox running through the rain at night",
                    ["resolution"] = "360p",
                    ["aspect_ratio"] = i % 2 == 0 ? "16:9" : "1:1",
                    ["audio"] = i % 3 == 0,
                    ["seed"] = i,
                };
                var idempotencyKey = $"crash-{i}";
                while (true)
                {
                    var job = await JobTraffic.TrySubmitAsync(client, body, idempotencyKey, token);
                    if (job is not null)
                    {
                        accepted[idempotencyKey] = (job["job_id"]!.GetValue<string>(), JsonApi.Money(job["cost"]!["amount"]!));
                        break;
                    }

                    await Task.Delay(100, token);
                }

                await Task.Delay(random.Next(50, 400), token);
            }
        }, token);

        for (var kill = 0; kill < 4; kill++)
        {
            await Task.Delay(random.Next(300, 2500), token);
            await server.KillAsync();
            await server.DisposeAsync();
            server = new ServerProcess(data.Path, Settings, server.Port);
            await server.StartAsync(token);
        }

        await submitter;
        submitting = false;
        using var client = server.Client(secret);
        var jobs = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (jobId, _) in accepted.Values)
        {
            jobs[jobId] = await JsonApi.WaitForFinalAsync(client, jobId, TimeSpan.FromMinutes(4), token);
        }

        accepted.Count.ShouldBe(18);
        jobs.Values.ShouldAllBe(j => j["status"]!.GetValue<string>() == "completed");
        var ledger = await JobTraffic.LedgerAsync(client, token);
        var running = 0m;
        foreach (var row in ledger)
        {
            running += row.Amount;
            row.AvailableAfter.ShouldBe(running);
        }

        foreach (var (jobId, price) in accepted.Values)
        {
            var rows = ledger.Where(r => r.JobId == jobId).Select(r => (r.Kind, r.Amount)).OrderBy(r => r.Kind, StringComparer.Ordinal)
                .ToList();
            rows.ShouldBe([("charge", -price), ("hold", -price), ("release", price)], $"ledger of {jobId}");
        }

        var balance = (await client.GetFromJsonAsync<JsonObject>("/v1/balance", token))!;
        JsonApi.Money(balance["available"]!).ShouldBe(100m - accepted.Values.Sum(a => a.Price));
        JsonApi.Money(balance["held"]!).ShouldBe(0m);

        using var anonymous = server.Client(null);
        foreach (var job in jobs.Values)
        {
            var video = job["result"]!["outputs"]!.AsArray().Single(o => o!["type"]!.GetValue<string>() == "video")!;
            var file = data.File(job["job_id"]!.GetValue<string>() + ".mp4");
            await File.WriteAllBytesAsync(
                file,
                await anonymous.GetByteArrayAsync(new Uri(video["url"]!.GetValue<string>()).PathAndQuery, token),
                token);
            (await FfprobeReader.ProbeAsync(file, token)).Video!.FrameCount.ShouldBe(120);
        }

        await server.DisposeAsync();
    }
}
