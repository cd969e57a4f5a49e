using Reelgate.Engines.Local.Planning;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>Time as the painters see it for one frame: seconds, progress, beat pulse and motion frame.</summary>
public readonly record struct SceneClock(int Frame, double Seconds, double Progress, double Pulse, bool StrongPulse)
{
    /// <summary>Frames after a beat over which its accent decays.</summary>
    public const int PulseFrames = 6;

    public static SceneClock At(ScenePlan plan, int frame, bool onTwos)
    {
        var motionFrame = onTwos ? frame - (frame % 2) : frame;
        var pulse = 0.0;
        var strong = false;
        foreach (var beat in plan.Beats)
        {
            var since = frame - beat.Frame;
            if (since is >= 0 and < PulseFrames)
            {
                pulse = Math.Exp(-since / 1.6);
                strong = beat.Strong;
            }
        }

        var progress = plan.FrameCount <= 1 ? 0 : motionFrame / (double)(plan.FrameCount - 1);
        return new SceneClock(frame, motionFrame / (double)plan.Fps, progress, pulse, strong);
    }
}
