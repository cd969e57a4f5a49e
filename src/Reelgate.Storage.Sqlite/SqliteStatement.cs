using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Reelgate.Storage.Sqlite;

/// <summary>
/// A statement of the submission batch, prepared once per database handle and kept with it for the handle's life:
/// the pool hands the same handle to batch after batch, and parsing the batch's eight statements anew each time,
/// plus the provider's per-run reader and parameter objects, came to a third of the batch's CPU. It runs on the
/// handle directly, so it is part of whatever transaction the connection has open. Every caller here holds the
/// write gate, so one handle's statements are never used by two callers at once.
/// </summary>
internal sealed class SqliteStatement
{
    private const int PreparePersistent = 1;

    private static readonly ConditionalWeakTable<sqlite3, Dictionary<string, SqliteStatement>> ByHandle = [];

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _parameters;

    private SqliteStatement(sqlite3 database, string sql, string[] parameterNames)
    {
        _database = database;
        var prepared = raw.sqlite3_prepare_v3(database, sql, PreparePersistent, out _statement, out _);
        if (prepared != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(prepared, database);
        }

        _parameters = Array.ConvertAll(parameterNames, name =>
            raw.sqlite3_bind_parameter_index(_statement, name) is > 0 and var index
                ? index
                : throw new ArgumentException($"'{name}' is not a parameter of: {sql}", nameof(parameterNames)));
    }

    /// <summary>The statement for this SQL on the connection's handle, prepared at its first use there.</summary>
    public static SqliteStatement On(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var statements = ByHandle.GetValue(database, static _ => new Dictionary<string, SqliteStatement>(StringComparer.Ordinal));
        if (!statements.TryGetValue(sql, out var statement))
        {
            statement = new SqliteStatement(database, sql, parameterNames);
            statements[sql] = statement;
        }

        return statement;
    }

    /// <summary>Sets the parameters, in the order the statement was made with, for the next run.</summary>
    public SqliteStatement Bind(params object?[] values)
    {
        raw.sqlite3_reset(_statement);
        for (var i = 0; i < values.Length; i++)
        {
            var index = _parameters[i];
            Check(values[i] switch
            {
                null => raw.sqlite3_bind_null(_statement, index),
                string text => raw.sqlite3_bind_text(_statement, index, text),
                long number => raw.sqlite3_bind_int64(_statement, index, number),
                int number => raw.sqlite3_bind_int64(_statement, index, number),
                bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
                double number => raw.sqlite3_bind_double(_statement, index, number),
                var other => throw new ArgumentException($"no SQLite binding for {other.GetType().Name}", nameof(values)),
            });
        }

        return this;
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public void Execute()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result != raw.SQLITE_DONE)
            {
                Check(result);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>The first row's first column as a number (a COUNT or a SUM).</summary>
    public long Scalar()
    {
        using var row = Query();
        return row.Next() ? row.Int64(0) : 0;
    }

    /// <summary>The rows, one <see cref="Rows.Next"/> at a time; disposing ends the run.</summary>
    public Rows Query() => new(this);

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            raw.sqlite3_reset(_statement);
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }

    /// <summary>A run of a query: reset when disposed, so that its read ends before the transaction does.</summary>
    public readonly struct Rows(SqliteStatement statement) : IDisposable
    {
        public bool Next()
        {
            var result = raw.sqlite3_step(statement._statement);
            if (result == raw.SQLITE_ROW)
            {
                return true;
            }

            if (result != raw.SQLITE_DONE)
            {
                statement.Check(result);
            }

            return false;
        }

        public long Int64(int column) => raw.sqlite3_column_int64(statement._statement, column);

        public string String(int column) => raw.sqlite3_column_text(statement._statement, column).utf8_to_string();

        public void Dispose() => raw.sqlite3_reset(statement._statement);
    }
}
