using System.Buffers.Binary;
using Reelgate.Engines.Local.Planning;

namespace Reelgate.Engines.Local.Audio;

/// <summary>
/// The soundtrack, synthesised from the plan as 48 kHz stereo signed 16-bit PCM: an ambience for the
/// weather (a pad when clear, filtered noise for rain, a rumble under storms, soft wind for snow, a drone
/// in fog, gusts for wind), and on every beat a kick and a plucked note of a pentatonic melody whose key
/// follows the palette. Each strike starts exactly at frame/fps s of its beat, so it lands on the picture's
/// pulse. Ambience fades in and out slowly so the strikes are the only sharp onsets. Deterministic: the
/// noise comes from the plan's audio seed.
/// </summary>
public static class SoundtrackSynth
{
    public const int SampleRate = 48000;
    public const int Channels = 2;
    public const int SamplesPerFrame = SampleRate / ScenePlan.FramesPerSecond;

    private const int BlockSamples = 4800;
    private const double StrikeSeconds = 0.9;
    private static readonly int[] Pentatonic = [0, 3, 5, 7, 10, 12, 15, 17];

    /// <summary>The first sample of a frame at the plan's frame rate.</summary>
    public static int SampleOf(ScenePlan plan, int frame) => (int)((long)frame * SampleRate / plan.Fps);

    /// <summary>Writes the whole soundtrack (plan.FrameCount frames long) to <paramref name="output"/> in blocks.</summary>
    public static async Task WriteAsync(ScenePlan plan, Stream output, CancellationToken cancellationToken)
    {
        var total = SampleOf(plan, plan.FrameCount);
        var ambience = new Ambience(plan);
        var root = 110 * Math.Pow(2, Math.Round(plan.Palette.PrimaryHue / 30) / 12);
        var buffer = new byte[BlockSamples * Channels * 2];
        var left = new double[BlockSamples];
        var right = new double[BlockSamples];
        for (var start = 0; start < total; start += BlockSamples)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(BlockSamples, total - start);
            for (var i = 0; i < count; i++)
            {
                var n = start + i;
                var fade = Math.Min(1, Math.Min(n / (0.6 * SampleRate), (total - n) / (0.4 * SampleRate)));
                var (l, r) = ambience.Next(n);
                left[i] = l * fade;
                right[i] = r * fade;
            }

            foreach (var beat in plan.Beats)
            {
                var onset = SampleOf(plan, beat.Frame);
                if (onset >= start + count || onset + (StrikeSeconds * SampleRate) < start)
                {
                    continue;
                }

                AddStrike(left, right, start, count, onset, beat, root);
            }

            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(buffer.AsSpan(i * 4), Sample(left[i]));
                BinaryPrimitives.WriteInt16LittleEndian(buffer.AsSpan((i * 4) + 2), Sample(right[i]));
            }

            await output.WriteAsync(buffer.AsMemory(0, count * 4), cancellationToken);
        }
    }

    /// <summary>The frequency of a melody note: the key's root two octaves up, plus the pentatonic step.</summary>
    public static double NoteFrequency(double root, int degree) =>
        root * 4 * Math.Pow(2, Pentatonic[Math.Clamp(degree, 0, Pentatonic.Length - 1)] / 12.0);

    /// <summary>
    /// Adds one beat's kick and pluck to a block. The decays and the pluck's two partials advance by a constant
    /// factor or rotation a sample (a multiply instead of an exp or a sin each); only the kick's falling pitch
    /// needs a sine a sample.
    /// </summary>
    private static void AddStrike(double[] left, double[] right, int blockStart, int count, int onset, Beat beat, double root)
    {
        var kickGain = beat.Strong ? 0.55 : 0.4;
        var note = NoteFrequency(root, beat.Degree);
        var pan = 0.5 + ((beat.Degree - 3.5) * 0.08);
        var from = Math.Max(0, onset - blockStart);
        var to = Math.Min(count, onset + (int)(StrikeSeconds * SampleRate) - blockStart);
        if (from >= to)
        {
            return;
        }

        const double Step = 1.0 / SampleRate;
        var t = (blockStart + from - onset) * Step;
        var kickDecay = new Decay(t, 0.09);
        var chirp = new Decay(t, 0.04);
        var pluckDecay = new Decay(t, 0.18);
        var fundamental = new Oscillator(note, t);
        var octave = new Oscillator(note * 2, t);
        for (var i = from; i < to; i++, t += Step)
        {
            var attack = Math.Min(1, t / 0.0015);
            var kick = Math.Sin(Math.Tau * ((50 * t) + (100 * 0.04 * (1 - chirp.Value)))) * kickDecay.Value * kickGain;
            var pluckEnv = Math.Min(1, t / 0.002) * pluckDecay.Value * 0.2;
            var pluck = ((fundamental.Sine * 0.8) + (octave.Sine * 0.2)) * pluckEnv;
            left[i] += (kick * attack) + (pluck * (1 - pan));
            right[i] += (kick * attack) + (pluck * pan);
            kickDecay.Advance();
            chirp.Advance();
            pluckDecay.Advance();
            fundamental.Advance();
            octave.Advance();
        }
    }

    private static short Sample(double value) => (short)Math.Round(Math.Clamp(value, -1, 1) * 32767);
}
