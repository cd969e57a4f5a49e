using System.Text.Json.Nodes;
using Reelgate.Core.Validation;

namespace Reelgate.Engines.Upstream.Http;

/// <summary>The optional parameters providers take by the same rule: a negative prompt when given, a style unless "none".</summary>
public static class SpecFields
{
    /// <summary>Adds them to a provider's request body; no style is sent where the provider has no field for it.</summary>
    public static void AddOptional(JsonObject body, GenerationSpec spec, string? styleField = "style")
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.NegativePrompt is not null)
        {
            body["negative_prompt"] = spec.NegativePrompt;
        }

        if (!string.Equals(spec.Style, "none", StringComparison.Ordinal) && styleField is not null)
        {
            body[styleField] = spec.Style;
        }
    }
}
