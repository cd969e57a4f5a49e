using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Reelgate.Client.Models;
using Reelgate.Client.Serialization;

namespace Reelgate.Client.Tests;

/// <summary>
/// The client's models against the running server's OpenAPI document, property by property: the same JSON
/// names both ways, compatible types, nullability where the server may send null, and the fields a request
/// must carry. A field added, renamed or retyped on either side fails here, not in production.
/// </summary>
public sealed class OpenApiContractTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    /// <summary>
    /// Client model → the schema it mirrors. Every schema of the document must be here (or in <see cref="NotModels"/>).
    /// </summary>
    private static readonly (Type Client, string Schema, bool IsRequest)[] Pairs =
    [
        (typeof(GenerationRequest), "GenerationRequest", true),
        (typeof(Job), "JobResponse", false),
        (typeof(JobRequest), "RequestEcho", false),
        (typeof(JobCost), "CostResponse", false),
        (typeof(JobResult), "ResultResponse", false),
        (typeof(JobOutput), "OutputResponse", false),
        (typeof(JobInput), "InputResponse", false),
        (typeof(JobError), "JobErrorResponse", false),
        (typeof(Page<Job>), "JobListResponse", false),
        (typeof(Page<UsageEntry>), "UsageResponse", false),
        (typeof(UsageEntry), "UsageEntryResponse", false),
        (typeof(Balance), "BalanceResponse", false),
        (typeof(Quote), "QuoteResponse", false),
        (typeof(Upload), "UploadResponse", false),
        (typeof(ModelCard), "ModelResponse", false),
        (typeof(ModelParameter), "ParameterResponse", false),
        (typeof(ModelConstraint), "ConstraintResponse", false),
        (typeof(RateCard), "RateCardResponse", false),
        (typeof(PriceTier), "PriceTierResponse", false),
        (typeof(PriceRow), "PriceRowResponse", false),
        (typeof(ResourceList<ModelCard>), "ModelListResponse", false),
        (typeof(ResourceList<RateCard>), "PricingResponse", false),
        (typeof(ResourceList<ApiKey>), "KeyListResponse", false),
        (typeof(ApiKey), "KeyResponse", false),
        (typeof(SigningKey), "SigningKeyResponse", false),
        (typeof(ResourceList<SigningKey>), "SigningKeyListResponse", false),
        (typeof(KeyLimits), "LimitsResponse", false),
        (typeof(KeyLimits), "LimitsRequest", true),
        (typeof(CreateKeyRequest), "CreateKeyRequest", true),
        (typeof(AddCreditsRequest), "AddCreditsRequest", true),
        (typeof(KeyWebhookRequest), "KeyWebhookRequest", true),
        (typeof(WebhookSecretRotation), "WebhookSecretResponse", false),
        (typeof(WebhookDelivery), "DeliveryResponse", false),
        (typeof(WebhookAttempt), "AttemptResponse", false),
        (typeof(ResourceList<WebhookDelivery>), "DeliveryListResponse", false),
        (typeof(ErrorEnvelope), "ErrorBody", false),
        (typeof(ErrorDetail), "ErrorDetail", false),
    ];

    /// <summary>
    /// Schemas that are framework plumbing, not contract models, and the OpenAI video protocol's (/v1/videos): its
    /// clients are OpenAI's SDKs; this client stays on the seed's API.
    /// </summary>
    private static readonly string[] NotModels =
    [
        "JsonElement", "IFormFile",
        "VideoCreateRequest", "VideoInputReference", "VideoRemixRequest", "VideoResponse", "VideoErrorResponse", "VideoListResponse",
        "VideoDeletedResponse",
    ];

    private static readonly NullabilityInfoContext Nullability = new();

    public static TheoryData<string> SchemaNames() => [.. Pairs.Select(p => p.Schema)];

    [Fact]
    public async Task Every_schema_of_the_document_has_a_client_model()
    {
        var schemas = await SchemasAsync();

        var unmapped = schemas.Select(s => s.Key).Except(Pairs.Select(p => p.Schema)).Except(NotModels).ToList();

        unmapped.ShouldBeEmpty("the server describes models the client does not have");
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public async Task Client_model_matches_the_schema_property_by_property(string schemaName)
    {
        var schemas = await SchemasAsync();
        var (clientType, _, isRequest) = Pairs.First(p => p.Schema == schemaName);
        var schema = schemas[schemaName]!.AsObject();
        var serverProperties = schema["properties"]!.AsObject();
        var required = schema["required"]?.AsArray().Select(n => n!.GetValue<string>()).ToHashSet() ?? [];
        var clientProperties = ReelgateJson.Options.GetTypeInfo(clientType).Properties.Where(p => p.Get is not null || p.Set is not null)
            .ToList();

        clientProperties.Select(p => p.Name).Order().ShouldBe(
            serverProperties.Select(p => p.Key).Order(),
            $"{clientType.Name} vs {schemaName}: JSON property names");
        foreach (var property in clientProperties)
        {
            var server = serverProperties[property.Name]!.AsObject();
            var where = $"{clientType.Name}.{property.Name} vs {schemaName}.{property.Name}";
            Kinds(server).ShouldContain(ClientKind(property.PropertyType), where);
            if (Ref(server) is { } reference && reference != "JsonElement")
            {
                Pairs.ShouldContain(
                    p => p.Client == Unwrap(property.PropertyType) && p.Schema == reference,
                    $"{where}: {reference} is mirrored by {Unwrap(property.PropertyType).Name}");
            }

            if (AllowsNull(server))
            {
                IsNullable(property).ShouldBeTrue($"{where}: the server may send null");
            }

            if (isRequest && required.Contains(property.Name) && !AllowsNull(server))
            {
                IsNullable(property).ShouldBeFalse($"{where}: the server requires it");
            }
        }
    }

    private async Task<JsonObject> SchemasAsync()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var document = JsonNode.Parse(await http.GetStringAsync(
            new Uri("/openapi/v1.json", UriKind.Relative),
            TestContext.Current.CancellationToken))!;
        return document["components"]!["schemas"]!.AsObject();
    }

    /// <summary>What a schema property may be: its JSON types, "date-time" for timestamps, "object" for a $ref.</summary>
    private static HashSet<string> Kinds(JsonObject property)
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        switch (property["type"])
        {
            case JsonValue single:
                kinds.Add(single.GetValue<string>());
                break;
            case JsonArray many:
                kinds.UnionWith(many.Select(t => t!.GetValue<string>()));
                break;
        }

        if (property["format"]?.GetValue<string>() == "date-time")
        {
            kinds.Add("date-time");
        }

        if (Ref(property) is not null)
        {
            kinds.Add(Ref(property) == "JsonElement" ? "any" : "object");
        }

        if (kinds.Contains("integer"))
        {
            kinds.Remove("string"); // the document allows numbers as strings on reading; the wire value is an integer
        }

        return kinds;
    }

    private static string? Ref(JsonObject property)
    {
        var reference = property["$ref"] ?? property["oneOf"]?.AsArray().Select(o => o?["$ref"]).FirstOrDefault(r => r is not null);
        return reference?.GetValue<string>().Split('/')[^1];
    }

    private static bool AllowsNull(JsonObject property) =>
        (property["type"] is JsonArray types && types.Any(t => t!.GetValue<string>() == "null"))
        || (property["oneOf"]?.AsArray().Any(o => o?["type"]?.GetValue<string>() == "null") ?? false);

    private static string ClientKind(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(decimal)
            || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWireValue<>)))
        {
            return "string";
        }

        if (type == typeof(DateTimeOffset))
        {
            return "date-time";
        }

        if (type == typeof(bool))
        {
            return "boolean";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return "integer";
        }

        if (type == typeof(double))
        {
            return "number";
        }

        if (type == typeof(JsonElement))
        {
            return "any";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return "array";
        }

        return "object";
    }

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static bool IsNullable(JsonPropertyInfo property)
    {
        if (Nullable.GetUnderlyingType(property.PropertyType) is not null)
        {
            return true;
        }

        if (property.PropertyType.IsValueType)
        {
            return false;
        }

        return property.AttributeProvider switch
        {
            PropertyInfo info => Nullability.Create(info).ReadState == NullabilityState.Nullable,
            _ => true,
        };
    }
}
