using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reelgate.Client.Serialization;

/// <summary>Reads and writes an <see cref="IWireValue{TSelf}"/> as its plain JSON string.</summary>
public sealed class WireValueConverter<T> : JsonConverter<T>
    where T : struct, IWireValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => T.FromWire(reader.GetString()!),
            // The contract lets duration be the integer 5, 8 or 10 as well as "5s"; read numbers as their text.
            JsonTokenType.Number => T.FromWire(reader.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new JsonException($"expected a string for {typeof(T).Name}"),
        };

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
