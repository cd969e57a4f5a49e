namespace Reelgate.Storage.Migrations;

/// <summary>One schema step: applied once, in version order, recorded in schema_migrations.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>Reads the embedded "NNN_name.sql" resources of a backend's assembly.</summary>
    public static IReadOnlyList<Migration> FromResources(System.Reflection.Assembly assembly, string prefix)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var file = resource[prefix.Length..];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(file.AsSpan(0, underscore), System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(version, Path.GetFileNameWithoutExtension(file[(underscore + 1)..]), reader.ReadToEnd()));
        }

        return migrations.OrderBy(m => m.Version).ToList();
    }
}
