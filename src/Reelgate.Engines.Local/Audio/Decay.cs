namespace Reelgate.Engines.Local.Audio;

/// <summary>exp(−t / τ), sample by sample: one multiply a sample instead of an exp.</summary>
internal struct Decay(double t, double tau)
{
    private readonly double _factor = Math.Exp(-1.0 / (SoundtrackSynth.SampleRate * tau));

    public double Value { get; private set; } = Math.Exp(-t / tau);

    public void Advance() => Value *= _factor;
}
