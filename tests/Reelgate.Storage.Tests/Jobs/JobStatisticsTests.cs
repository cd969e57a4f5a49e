using Dapper;
using Reelgate.Core.Jobs;
using Reelgate.Storage.Sql;

namespace Reelgate.Storage.Tests.Jobs;

/// <summary>The gauges' counts per state, read the way the sampler reads them (on PostgreSQL inside a transaction).</summary>
public abstract class JobStatisticsTests : StoreContract
{
    [Fact]
    public async Task Counts_each_state_and_the_active_ones_alone()
    {
        await using var db = await NewDatabaseAsync();
        var (key, _) = await SubmittedJobAsync(db);
        await db.Jobs.ClaimAsync("worker-a", Now, Lease, 3, Token);
        var cancelled = await SubmitAsync(db.Jobs, key);
        await db.Jobs.CancelAsync(cancelled.Id, key, Now, Token);
        await SubmitAsync(db.Jobs, key);
        await SubmitAsync(db.Jobs, key);
        var statistics = new SqlJobStatistics(db.Dialect);

        var all = await statistics.CountByStatusAsync(Token);
        var active = await statistics.CountActiveAsync(Token);

        all.OrderBy(c => c.Key).ShouldBe([new(JobStatus.Queued, 2), new(JobStatus.Processing, 1), new(JobStatus.Cancelled, 1)]);
        active.OrderBy(c => c.Key).ShouldBe([new(JobStatus.Queued, 2), new(JobStatus.Processing, 1)]);
    }

    public sealed class OnSqlite : JobStatisticsTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => SqliteAsync();
    }

    public sealed class OnPostgres : JobStatisticsTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => PostgresAsync();

        /// <summary>
        /// With parallel plans made free, PostgreSQL plans the count over parallel workers (every core at once); the
        /// dialect's setting for background reads keeps the same count in one process.
        /// </summary>
        [Fact]
        public async Task The_background_read_setting_keeps_a_count_that_would_go_parallel_in_one_process()
        {
            await using var db = await NewDatabaseAsync();
            await SubmittedJobAsync(db);
            const string MakeParallelFree =
                "SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0; SET LOCAL min_parallel_table_scan_size = 0; " +
                "SET LOCAL min_parallel_index_scan_size = 0; SET LOCAL max_parallel_workers_per_gather = 2";

            var plain = await PlanAsync(db.Dialect, MakeParallelFree);
            var background = await PlanAsync(db.Dialect, MakeParallelFree + "; " + db.Dialect.BackgroundReadSetting);

            plain.ShouldContain("Gather");
            background.ShouldNotContain("Gather");
        }

        private static async Task<string> PlanAsync(SqlDialect dialect, string settings)
        {
            await using var connection = await dialect.OpenAsync(Token);
            await using var transaction = await connection.BeginTransactionAsync(Token);
            await connection.ExecuteAsync(new CommandDefinition(settings, transaction: transaction, cancellationToken: Token));
            var plan = await connection.QueryAsync<string>(new CommandDefinition(
                "EXPLAIN SELECT status, COUNT(*) FROM jobs GROUP BY status", transaction: transaction, cancellationToken: Token));
            await transaction.RollbackAsync(Token);
            return string.Join('\n', plan);
        }
    }
}
