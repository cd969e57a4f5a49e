namespace Reelgate.Testing;

/// <summary>Where the built programs of this repository are, from a test's own output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>"Debug" or "Release": the configuration the running tests were built in.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";

    public static string ServerDll => BuiltDll("Reelgate.Server");

    public static string BuiltDll(string project) =>
        Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", "linux-x64", project + ".dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reelgate.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Reelgate.slnx above {AppContext.BaseDirectory}");
    }
}
