using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reelgate.Client.Serialization;

/// <summary>
/// Money travels as a decimal string (<c>"1.50"</c>), never a JSON number, so no binary float ever
/// carries it. Every <see cref="decimal"/> in the client's models is an amount of money.
/// </summary>
public sealed class MoneyConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("expected an amount of money as a decimal string such as \"1.50\"");
        }

        var text = reader.GetString()!;
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture,
            out var value)
            ? value
            : throw new JsonException($"'{text}' is not an amount of money");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
