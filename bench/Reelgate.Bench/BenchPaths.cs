namespace Reelgate.Bench;

/// <summary>Where the repository is (the folder holding Reelgate.slnx above the running binary or the working folder).</summary>
internal static class BenchPaths
{
    /// <summary>"Debug" or "Release": the configuration this program was built in (scripts/bench.sh builds Release).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    /// <summary>The built server, of the same configuration.</summary>
    public static string ServerDll =>
        Path.Combine(RepositoryRoot(), "src", "Reelgate.Server", "bin", Configuration, "net10.0", "linux-x64", "Reelgate.Server.dll");

    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Reelgate.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
