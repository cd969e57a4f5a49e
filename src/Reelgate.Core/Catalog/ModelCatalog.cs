using System.Text.Json;
using System.Text.Json.Serialization;
using Reelgate.Core.Pricing;

namespace Reelgate.Core.Catalog;

/// <summary>
/// The models this deployment offers, read from catalog data (the embedded seed card, plus any
/// file an operator adds). Validation, pricing, the catalog routes and engine routing all read it.
/// </summary>
public sealed class ModelCatalog
{
    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new MoneyStringConverter() },
    };

    private readonly Dictionary<string, ModelCard> _byId;

    public ModelCatalog(IEnumerable<ModelCard> models)
    {
        Models = models.ToList();
        _byId = Models.ToDictionary(m => m.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<ModelCard> Models { get; }

    public ModelCard? Find(string id) => _byId.GetValueOrDefault(id);

    public static ModelCatalog LoadDefault()
    {
        using var stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream("Reelgate.Core.Catalog.catalog.json")
            ?? throw new InvalidOperationException("the embedded catalog is missing from Reelgate.Core");
        return Load(stream);
    }

    public static ModelCatalog Load(Stream json)
    {
        var document = JsonSerializer.Deserialize<CatalogDocument>(json, ReadOptions)
            ?? throw new JsonException("the catalog is empty");
        return new ModelCatalog(document.Models);
    }

    /// <summary>This catalog plus the models of another (an operator's file); a model of the other replaces one of the same id.</summary>
    public ModelCatalog Merge(ModelCatalog other) =>
        new(Models.Where(m => other.Find(m.Id) is null).Concat(other.Models));

    /// <summary>Reprices cells: keys are "model/tier/cell", e.g. "pixverse-v5-6/720p/5s+audio".</summary>
    public ModelCatalog WithPriceOverrides(IReadOnlyDictionary<string, Money> overrides) =>
        new(Models.Select(model =>
        {
            var prefix = model.Id + "/";
            var mine = overrides
                .Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal))
                .ToDictionary(pair => pair.Key[prefix.Length..], pair => pair.Value, StringComparer.Ordinal);
            return mine.Count == 0 ? model : model with { Pricing = model.Pricing.WithOverrides(mine) };
        }));

    private sealed record CatalogDocument(IReadOnlyList<ModelCard> Models);

    private sealed class MoneyStringConverter : JsonConverter<Money>
    {
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Money.TryParse(reader.GetString(), out var money) && !money.IsNegative
                ? money
                : throw new JsonException($"'{reader.GetString()}' is not a price like \"1.50\"");

        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
