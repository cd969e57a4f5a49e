using Microsoft.Extensions.Options;
using Reelgate.Core.Catalog;

namespace Reelgate.Server.Features.OpenAiVideos;

/// <summary>
/// Stops the start when the default model is not in the catalog or a spritesheet setting is out of range, naming the key.
/// </summary>
public sealed class OpenAiVideoOptionsValidator(ModelCatalog catalog) : IValidateOptions<OpenAiVideoOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenAiVideoOptions options)
    {
        if (options.DefaultModel is { } model && catalog.Find(model) is null)
        {
            return ValidateOptionsResult.Fail(
                $"{OpenAiVideoOptions.Section}:DefaultModel '{model}' is not in the catalog; "
                + $"available: {string.Join(", ", catalog.Models.Select(m => m.Id))}");
        }

        if (options.SpritesheetColumns is < 1 or > 20 || options.SpritesheetRows is < 1 or > 20)
        {
            return ValidateOptionsResult.Fail($"{OpenAiVideoOptions.Section}:SpritesheetColumns and SpritesheetRows must be from 1 to 20");
        }

        return options.SpritesheetTileSize is < 16 or > 1024
            ? ValidateOptionsResult.Fail($"{OpenAiVideoOptions.Section}:SpritesheetTileSize must be from 16 to 1024")
            : ValidateOptionsResult.Success;
    }
}
