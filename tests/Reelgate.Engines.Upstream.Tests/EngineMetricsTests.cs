using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Reelgate.Engines.Upstream.Fal;

namespace Reelgate.Engines.Upstream.Tests;

public sealed class EngineMetricsTests(MediaFixture media)
{
    [Fact]
    public async Task Render_is_counted_by_engine_and_outcome_with_its_calls()
    {
        var ct = TestContext.Current.CancellationToken;
        var seen = new ConcurrentQueue<(string Instrument, Dictionary<string, string?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EngineMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
            seen.Enqueue((instrument.Name, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString()))));
        listener.Start();
        await using var fake = await FakeProvider.StartedAsync(new FalFake(media.Video, "metrics-key"), ct);
        await using var host = new EngineHost(EngineHost.Settings(FalOptions.SectionName, fake.BaseUrl, "metrics-key"));
        var job = host.Job(Specs.TextToVideo() with { Prompt = "metrics" });

        (await host.Engine("fal").RenderAsync(job, ct)).ShouldBeRendered();

        seen.ShouldContain(m => m.Instrument == "reelgate.engine.renders" && m.Tags["engine"] == "fal" && m.Tags["outcome"] == "completed");
        seen.ShouldContain(
            m =>
                m.Instrument == "reelgate.engine.requests" && m.Tags["engine"] == "fal" && m.Tags["operation"] == "submit" && m.Tags[
                    "status"] == "200");
        seen.ShouldContain(
            m => m.Instrument == "reelgate.engine.requests" && m.Tags["operation"] == "download" && m.Tags["status"] == "completed");
    }
}
