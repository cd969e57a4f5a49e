using System.Reflection;
using Reelgate.Core.Catalog;

namespace Reelgate.Core.Tests;

/// <summary>Core stays free of ASP.NET, SQL, HTTP and native libraries: it is the domain only.</summary>
public sealed class HouseRulesTests
{
    [Fact]
    public void Core_references_no_web_sql_http_or_native_assembly()
    {
        var forbidden = new[]
        {
            "Microsoft.AspNetCore",
            "Microsoft.Data",
            "System.Data",
            "Npgsql",
            "Dapper",
            "System.Net.Http",
            "SkiaSharp",
            "NetVips",
            "AWSSDK",
            "CliWrap",
        };
        var references = typeof(ModelCatalog).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        references.Where(name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal))).ShouldBeEmpty();
    }

    [Fact]
    public void Core_project_file_names_no_package()
    {
        var project = Path.Combine(FindRoot(), "src", "Reelgate.Core", "Reelgate.Core.csproj");
        File.ReadAllText(project).ShouldNotContain("PackageReference");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reelgate.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no Reelgate.slnx found");
    }

    [Fact]
    public void Core_has_no_static_mutable_fields()
    {
        var mutable = typeof(ModelCatalog).Assembly.GetTypes()
            .Where(t => !t.Name.Contains('<', StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsInitOnly && !f.IsLiteral && !f.Name.Contains('<', StringComparison.Ordinal))
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}")
            .ToList();
        mutable.ShouldBeEmpty();
    }
}
