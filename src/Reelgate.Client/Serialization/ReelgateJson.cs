using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reelgate.Client.Serialization;

/// <summary>
/// The client's one serializer setting: snake_case names matched exactly, nulls left out of requests
/// (an absent optional field means its default), money as decimal strings, open string values.
/// </summary>
public static class ReelgateJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new WireValueConverterFactory());
        options.Converters.Add(new MoneyConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
