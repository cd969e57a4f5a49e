using System.Globalization;

namespace Reelgate.Server.Http;

/// <summary>The ?limit= of every listing: a whole number of rows from 1 to <see cref="Max"/>, <see cref="Default"/> if left out.</summary>
public static class PageLimit
{
    public const int Default = 20;

    public const int Max = 100;

    public static readonly string Problem = $"limit must be a whole number from 1 to {Max}";

    /// <summary>False when ?limit= is given but not a whole number from 1 to <see cref="Max"/> (answer <see cref="Problem"/>).</summary>
    public static bool TryRead(IQueryCollection query, out int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        limit = Default;
        return !query.TryGetValue("limit", out var text)
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= Max);
    }
}
