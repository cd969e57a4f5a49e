namespace Reelgate.Client.Tests;

/// <summary>The Idempotency-Keys the client makes when the caller gives none: unique, and in the order they were made.</summary>
public sealed class IdempotencyKeyTests
{
    [Fact]
    public async Task NewIdempotencyKey_makes_distinct_version_7_keys_that_sort_in_the_order_they_were_made()
    {
        var keys = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            keys.Add(ReelgateClient.NewIdempotencyKey());
            // A later millisecond: keys made within one millisecond are ordered only by their random bits.
            await Task.Delay(3, TestContext.Current.CancellationToken);
        }

        keys.ShouldAllBe(k => k.Length == 36 && k.StartsWith("rgc_") && k[16] == '7');
        keys.ShouldBeUnique();
        keys.Order(StringComparer.Ordinal).ShouldBe(keys);
    }
}
