using Reelgate.Testing;

namespace Reelgate.Core.Tests.House;

/// <summary>The house rule .editorconfig states as max_line_length: no C# line in src/, tests/ or bench/ is over 140 columns.</summary>
public sealed class LineLengthTests
{
    private const int MaxColumns = 140;

    [Fact]
    public void Source_lines_stay_within_140_columns()
    {
        var tooLong = new List<string>();
        foreach (var folder in new[] { "src", "tests", "bench" })
        {
            var root = Path.Combine(RepositoryPaths.Root, folder);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var file in SourceFiles(root))
            {
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (lines[i].Length > MaxColumns)
                    {
                        tooLong.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}:{i + 1} ({lines[i].Length} columns)");
                    }
                }
            }
        }

        tooLong.ShouldBeEmpty($"lines over {MaxColumns} columns:{Environment.NewLine}{string.Join(Environment.NewLine, tooLong)}");
    }

    private static IEnumerable<string> SourceFiles(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs"))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(child);
            if (name is "bin" or "obj")
            {
                continue;
            }

            foreach (var file in SourceFiles(child))
            {
                yield return file;
            }
        }
    }
}
