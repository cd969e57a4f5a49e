using System.Globalization;
using System.Text.RegularExpressions;
using Reelgate.Core;
using Reelgate.Core.Engines;
using Reelgate.Core.Jobs;

namespace Reelgate.Engines.Local.Simulation;

/// <summary>
/// Opt-in faults for clients testing their error paths: the request's metadata key <see cref="MetadataKey"/>
/// holds steps separated by commas, run in order before rendering:
/// <c>fail:&lt;code&gt;</c>, <c>fail_retryable:&lt;code&gt;</c>, <c>moderation</c> (code
/// <see cref="ModerationCode"/>), <c>delay:&lt;seconds&gt;</c> (0 to 600, decimals allowed) and <c>stall</c>.
/// E.g. <c>delay:3,fail:upstream_timeout</c> fails after three seconds. Without the key nothing fails on purpose.
/// </summary>
public sealed partial class FaultSimulation
{
    public const string MetadataKey = "reelgate_simulate";
    public const string ModerationCode = "content_moderation";
    public const string InvalidCode = "invalid_simulation";
    private const double MaxDelaySeconds = 600;

    private FaultSimulation(IReadOnlyList<SimulationStep> steps)
    {
        Steps = steps;
    }

    public IReadOnlyList<SimulationStep> Steps { get; }

    public static FaultSimulation None { get; } = new([]);

    /// <summary>The simulation the metadata asks for, or a refusal naming <c>metadata</c> when the value is malformed.</summary>
    public static Outcome<FaultSimulation> Parse(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || !metadata.TryGetValue(MetadataKey, out var value))
        {
            return Outcome<FaultSimulation>.Success(None);
        }

        var steps = new List<SimulationStep>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            var step = ParseStep(part);
            if (step is null)
            {
                return Outcome<FaultSimulation>.Fail(Failure.Invalid(
                    "metadata", InvalidCode,
                    $"metadata.{MetadataKey} step {Failure.Printable(part)} is not understood; use fail:<code>, fail_retryable:<code>, " +
                    "moderation, delay:<seconds> (0-600) or stall, separated by commas"));
            }

            steps.Add(step);
        }

        return Outcome<FaultSimulation>.Success(new FaultSimulation(steps));
    }

    /// <summary>Runs the steps: null when rendering should go on, else the outcome to return.</summary>
    public async Task<RenderOutcome?> RunAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        foreach (var step in Steps)
        {
            switch (step.Action)
            {
                case SimulationAction.Delay:
                    await Task.Delay(step.Delay, time, cancellationToken);
                    break;
                case SimulationAction.Stall:
                    await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
                    break;
                case SimulationAction.Moderation:
                    return new RenderOutcome.Failed(new JobError(
                        ModerationCode, "the request was refused by content moderation (simulated by metadata.reelgate_simulate)"));
                default:
                    return new RenderOutcome.Failed(
                        new JobError(step.Code!, $"simulated failure {step.Code} (metadata.reelgate_simulate)"),
                        step.Action == SimulationAction.FailRetryable);
            }
        }

        return null;
    }

    private static SimulationStep? ParseStep(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? text : text[..colon];
        var argument = colon < 0 ? null : text[(colon + 1)..];
        return name switch
        {
            "moderation" when argument is null => new SimulationStep(SimulationAction.Moderation, ModerationCode, TimeSpan.Zero),
            "stall" when argument is null => new SimulationStep(SimulationAction.Stall, null, TimeSpan.Zero),
            "fail" when argument is not null && CodePattern().IsMatch(argument) =>
                new SimulationStep(SimulationAction.Fail, argument, TimeSpan.Zero),
            "fail_retryable" when argument is not null && CodePattern().IsMatch(argument) =>
                new SimulationStep(SimulationAction.FailRetryable, argument, TimeSpan.Zero),
            "delay" when double.TryParse(argument, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
                && seconds <= MaxDelaySeconds
                => new SimulationStep(SimulationAction.Delay, null, TimeSpan.FromSeconds(seconds)),
            _ => null,
        };
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex CodePattern();
}
