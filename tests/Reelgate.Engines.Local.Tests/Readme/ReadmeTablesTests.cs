using Reelgate.Testing;

namespace Reelgate.Engines.Local.Tests.Readme;

/// <summary>
/// The engine's README shows what the code does: its lexicon and prompt tables are what the planner gives
/// today. After a change, run this class with REELGATE_UPDATE_README=1 to rewrite them, and read the diff.
/// </summary>
public sealed class ReadmeTablesTests
{
    private static string ReadmePath => Path.Combine(RepositoryPaths.Root, "src", "Reelgate.Engines.Local", "README.md");

    [Fact]
    public void Readme_tables_match_the_planner_when_generated()
    {
        var readme = File.ReadAllText(ReadmePath);

        var expected = ReadmeTables.Regenerate(readme);

        if (Environment.GetEnvironmentVariable("REELGATE_UPDATE_README") == "1" && expected != readme)
        {
            File.WriteAllText(ReadmePath, expected);
            readme = expected;
        }

        readme.ShouldBe(expected, "README.md's generated tables are out of date: run ReadmeTablesTests with REELGATE_UPDATE_README=1");
    }

    [Fact]
    public void Prompt_table_has_thirty_prompts_when_generated() =>
        ReadmeTables.Prompts.Length.ShouldBe(30);
}
