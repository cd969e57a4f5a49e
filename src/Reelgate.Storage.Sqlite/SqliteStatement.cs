using Microsoft.Data.Sqlite;

namespace Reelgate.Storage.Sqlite;

/// <summary>
/// One statement run many times within a transaction: SQLite parses it at the first run, and every later run
/// only binds new values to the same prepared statement (the command keeps it while its text stays the same).
/// </summary>
internal sealed class SqliteStatement : IAsyncDisposable
{
    private readonly SqliteCommand _command;

    public SqliteStatement(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameterNames)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            _command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
    }

    public SqliteStatement Bind(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            _command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return this;
    }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken) => _command.ExecuteNonQueryAsync(cancellationToken);

    public Task<SqliteDataReader> ReadAsync(CancellationToken cancellationToken) => _command.ExecuteReaderAsync(cancellationToken);

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
