namespace Reelgate.Storage.Sql;

/// <summary>A key's two balance columns as Dapper reads them.</summary>
internal sealed class BalanceRow
{
    public long Available { get; set; }

    public long Held { get; set; }
}
