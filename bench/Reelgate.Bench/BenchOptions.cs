using System.Globalization;

namespace Reelgate.Bench;

/// <summary>
/// The command line after the suite's name: --runs N (medians over N, default 3), --duration S (each load
/// run, default 4), --soak-jobs N (default 1000), --soak-budget S (stop submitting after S seconds; 0 = no
/// limit, not even the deadline's), --soak-workers N (skip the calibration), --deadline S (the whole run
/// should end within S seconds: the soak gets what is left), --soak-preset P (the x264 preset of the soak's
/// server, default ultrafast), --no-profile. SoakBudget null: the deadline's; zero: none at all.
/// </summary>
internal sealed record BenchOptions(
    int Runs,
    TimeSpan LoadDuration,
    int SoakJobs,
    TimeSpan? SoakBudget,
    int? SoakWorkers,
    TimeSpan? Deadline,
    bool Profile)
{
    /// <summary>
    /// The soak's x264 preset: ultrafast, so that 1,000 real renders fit in the command's ten minutes on two
    /// cores (at the shipped veryfast, x264 alone needs about 0.6 CPU-s a 360p clip).
    /// </summary>
    public string SoakPreset { get; init; } = "ultrafast";

    public static BenchOptions Parse(IReadOnlyList<string> arguments)
    {
        var options = new BenchOptions(3, TimeSpan.FromSeconds(4), 1000, null, null, null, true);
        for (var i = 0; i < arguments.Count; i++)
        {
            var name = arguments[i];
            if (name == "--no-profile")
            {
                options = options with { Profile = false };
                continue;
            }

            if (i + 1 >= arguments.Count)
            {
                throw new ArgumentException($"{name} needs a value");
            }

            if (name == "--soak-preset")
            {
                options = options with { SoakPreset = arguments[++i] };
                continue;
            }

            var value = int.Parse(arguments[++i], CultureInfo.InvariantCulture);
            options = name switch
            {
                "--runs" => options with { Runs = Math.Max(1, value) },
                "--duration" => options with { LoadDuration = TimeSpan.FromSeconds(Math.Max(1, value)) },
                "--soak-jobs" => options with { SoakJobs = Math.Max(1, value) },
                "--soak-budget" => options with { SoakBudget = TimeSpan.FromSeconds(Math.Max(0, value)) },
                "--soak-workers" => options with { SoakWorkers = value > 0 ? value : null },
                "--deadline" => options with { Deadline = value > 0 ? TimeSpan.FromSeconds(value) : null },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        return options;
    }
}
