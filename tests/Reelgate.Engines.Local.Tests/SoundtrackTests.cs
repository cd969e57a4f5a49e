using Reelgate.Engines.Local.Planning;
using Reelgate.Testing;

namespace Reelgate.Engines.Local.Tests;

[Collection(RenderCollection.Name)]
public sealed class SoundtrackTests
{
    private const int Rate = 48000;
    private const int Window = 480;
    private const int Hop = 120;

    [Theory]
    [InlineData("a fast car racing in the rain", 5)]
    [InlineData("a slow boat on a calm sea in the fog", 8)]
    public async Task Audio_onsets_fall_within_one_frame_of_the_plan_beats_when_audio_is_on(string prompt, int duration)
    {
        await using var harness = new EngineHarness();
        var spec = Specs.Make(prompt: prompt, audio: true, duration: duration);
        var beats = ScenePlanner.Plan(spec).Beats.Select(b => b.Frame / 24.0).ToList();

        var rendered = await harness.RenderAsync(spec, "audio");
        var samples = await DecodedVideo.ReadAudioAsync(rendered.VideoPath, TestContext.Current.CancellationToken);
        var onsets = Onsets(samples);

        Measurements.Record(
            $"beats {string.Join(" ", beats.Select(b => b.ToString("0.000")))}; onsets " +
                $"{string.Join(" ", onsets.Select(o => o.ToString("0.000")))}");
        beats.Count.ShouldBeGreaterThan(3);
        onsets.Count.ShouldBe(
            beats.Count,
            $"beats {string.Join(" ", beats.Select(b => b.ToString("0.000")))}; onsets " +
                $"{string.Join(" ", onsets.Select(o => o.ToString("0.000")))}");
        foreach (var onset in onsets)
        {
            beats.Min(b => Math.Abs(b - onset)).ShouldBeLessThanOrEqualTo(1.0 / 24, $"onset at {onset:0.000} s is not on a beat");
        }
    }

    /// <summary>
    /// Onsets from the decoded audio: mono energy in 10 ms windows every 2.5 ms; an onset is a window whose
    /// energy is six times the mean of the 30 ms before it (and above a floor); 150 ms refractory.
    /// </summary>
    private static List<double> Onsets(float[] interleaved)
    {
        var frames = interleaved.Length / 2;
        var energies = new List<double>();
        for (var start = 0; start + Window <= frames; start += Hop)
        {
            var sum = 0.0;
            for (var i = start; i < start + Window; i++)
            {
                var mono = (interleaved[2 * i] + interleaved[(2 * i) + 1]) / 2.0;
                sum += mono * mono;
            }

            energies.Add(sum / Window);
        }

        var onsets = new List<double>();
        var lastOnset = -1.0;
        for (var k = 12; k < energies.Count; k++)
        {
            var before = energies.Skip(k - 12).Take(10).Average();
            var time = k * Hop / (double)Rate;
            if (energies[k] > 1e-4 && energies[k] > before * 6 && time - lastOnset > 0.15)
            {
                onsets.Add(time);
                lastOnset = time;
            }
        }

        return onsets;
    }
}
