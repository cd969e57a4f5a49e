namespace Reelgate.Engines.Local.Audio;

/// <summary>sin(2π f t), sample by sample, by rotating (cos, sin) a fixed angle: a few multiplies a sample instead of a sine.</summary>
internal struct Oscillator
{
    private readonly double _cosStep;
    private readonly double _sinStep;
    private double _cos;

    public Oscillator(double frequency, double t)
    {
        var step = Math.Tau * frequency / SoundtrackSynth.SampleRate;
        (_sinStep, _cosStep) = Math.SinCos(step);
        (Sine, _cos) = Math.SinCos(Math.Tau * frequency * t);
    }

    public double Sine { get; private set; }

    public void Advance()
    {
        var sine = (Sine * _cosStep) + (_cos * _sinStep);
        _cos = (_cos * _cosStep) - (Sine * _sinStep);
        Sine = sine;
    }
}
