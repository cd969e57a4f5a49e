using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reelgate.Client.Serialization;

/// <summary>Creates a <see cref="WireValueConverter{T}"/> for every struct implementing <see cref="IWireValue{TSelf}"/>.</summary>
public sealed class WireValueConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return typeToConvert.IsValueType
            && typeToConvert.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWireValue<>)
                && i.GetGenericArguments()[0] == typeToConvert);
    }

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(WireValueConverter<>).MakeGenericType(typeToConvert));
}
