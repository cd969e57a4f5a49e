using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reelgate.Server.Tests.Infrastructure;
using Reelgate.Testing;

namespace Reelgate.Server.Tests.OpenApi;

/// <summary>
/// The OpenAPI document against its checked-in copy (openapi-v1.json beside this file, keys sorted): a route, status,
/// schema or description that changes shows here as a diff to review. After a deliberate change, run this class with
/// REELGATE_UPDATE_OPENAPI=1 to rewrite the copy, and commit it with the change.
/// </summary>
public sealed class OpenApiDocumentTests(ReelgateApp app) : IClassFixture<ReelgateApp>
{
    private static readonly string CheckedIn =
        Path.Combine(RepositoryPaths.Root, "tests", "Reelgate.Server.Tests", "OpenApi", "openapi-v1.json");

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public async Task Document_matches_the_checked_in_copy_when_the_api_is_unchanged()
    {
        using var client = app.CreateClient();
        var served = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative),
            TestContext.Current.CancellationToken))!;
        var actual = Sorted(served)!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

        if (string.Equals(Environment.GetEnvironmentVariable("REELGATE_UPDATE_OPENAPI"), "1", StringComparison.Ordinal))
        {
            await File.WriteAllTextAsync(CheckedIn, actual, TestContext.Current.CancellationToken);
        }

        var expected = File.Exists(CheckedIn) ? await File.ReadAllTextAsync(CheckedIn, TestContext.Current.CancellationToken) : "";
        var servedCopy = Path.Combine(Path.GetTempPath(), "reelgate-openapi-v1.served.json");
        if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            await File.WriteAllTextAsync(servedCopy, actual, TestContext.Current.CancellationToken);
        }

        actual.ShouldBe(expected,
            $"the served document differs from {CheckedIn}; diff it with {servedCopy}, and if the change is meant, "
            + "rerun with REELGATE_UPDATE_OPENAPI=1 and commit the copy");
    }

    /// <summary>The node with every object's properties in ordinal order, so the copy does not depend on registration order.</summary>
    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };
}
