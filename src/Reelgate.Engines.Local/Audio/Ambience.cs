using Reelgate.Engines.Local.Planning;

namespace Reelgate.Engines.Local.Audio;

/// <summary>The steady bed under the beats, by weather; one sample (left, right) at a time, deterministic.</summary>
internal sealed class Ambience(ScenePlan plan)
{
    private readonly PlanRandom _noise = PlanRandom.Fork(plan.AudioSeed, "ambience");
    private readonly double _root = 55 * Math.Pow(2, Math.Round(plan.Palette.PrimaryHue / 30) / 12);
    private double _lowL;
    private double _lowR;
    private double _deepL;
    private double _deepR;

    // Only clear and cloudy skies sound the pad.
    private readonly bool _pad = plan.Weather is Weather.Clear or Weather.Cloudy;

    public (double Left, double Right) Next(int n)
    {
        var t = n / (double)SoundtrackSynth.SampleRate;
        var whiteL = (_noise.NextDouble() * 2) - 1;
        var whiteR = (_noise.NextDouble() * 2) - 1;
        _lowL += 0.12 * (whiteL - _lowL);
        _lowR += 0.12 * (whiteR - _lowR);
        _deepL += 0.006 * (_lowL - _deepL);
        _deepR += 0.006 * (_lowR - _deepR);
        var pad = _pad ? Pad(t) : 0;
        return plan.Weather switch
        {
            Weather.Rain => (_lowL * 0.16, _lowR * 0.16),
            Weather.Storm => ((_lowL * 0.15) + (_deepL * 1.6 * Swell(t, 0.13)), (_lowR * 0.15) + (_deepR * 1.6 * Swell(t, 0.13))),
            Weather.Snow => (_deepL * 1.4 * Swell(t, 0.2), _deepR * 1.4 * Swell(t, 0.2)),
            Weather.Wind => (_deepL * 2.2 * Swell(t, 0.35), _deepR * 2.2 * Swell(t, 0.31)),
            Weather.Fog => ((Math.Sin(Math.Tau * _root * t) * 0.05) + (_deepL * 0.6),
                (Math.Sin(Math.Tau * _root * t) * 0.05) + (_deepR * 0.6)),
            Weather.Cloudy => ((pad * 0.035) + (_deepL * 0.5), (pad * 0.035) + (_deepR * 0.5)),
            _ => (pad * 0.04, pad * 0.04),
        };
    }

    /// <summary>The pad: the key's root and its fifth, breathing slowly.</summary>
    private double Pad(double t) =>
        ((Math.Sin(Math.Tau * _root * t) * 0.6) + (Math.Sin(Math.Tau * _root * 1.5 * t) * 0.4)) * (
            0.8 + (0.2 * Math.Sin(Math.Tau * 0.25 * t)));

    private static double Swell(double t, double rate) => 0.6 + (0.4 * Math.Sin(Math.Tau * rate * t));
}
