using System.Text.Json;
using Reelgate.Core.Catalog;

namespace Reelgate.Core.Validation;

/// <summary>
/// Gives validated values the shape every engine reads (<see cref="CardShape"/> names the roles): the frame size,
/// the length, fps, audio, i2v. Whatever else the card defines goes along in <see cref="GenerationSpec.Parameters"/>.
/// </summary>
internal static class SpecShaper
{
    public static GenerationSpec Shape(
        ModelCard model, ParameterReader reader, int randomSeed, string? webhookUrl, IReadOnlyDictionary<string, string> metadata)
    {
        var values = reader.Values;
        var image = reader.Text(CardShape.Image);
        var mode = reader.Text(CardShape.Mode) ?? (image is null ? GenerationSpec.TextToVideo : GenerationSpec.ImageToVideo);

        string resolution, aspectRatio;
        int? width = null, height = null;
        if (reader.Text(CardShape.Size) is { } sizeText)
        {
            var size = CardShape.ParseSize(sizeText)!.Value;
            (resolution, aspectRatio, width, height) = (sizeText, CardShape.AspectOf(size), size.Width, size.Height);
        }
        else
        {
            (resolution, aspectRatio) = (reader.Text(CardShape.Resolution)!, reader.Text(CardShape.AspectRatio)!);
        }

        int? fps = values.TryGetValue(CardShape.Fps, out var fpsValue) ? fpsValue.GetInt32() : null;
        int? frames = values.TryGetValue(CardShape.NumFrames, out var framesValue) ? framesValue.GetInt32() : null;
        int seconds;
        if (frames is { } count)
        {
            var rate = fps ?? VideoGeometry.FramesPerSecond;
            seconds = Math.Max(1, (count + rate - 1) / rate);
        }
        else
        {
            var length = values.TryGetValue(CardShape.Duration, out var d) ? d : values[CardShape.Seconds];
            seconds = length.ValueKind == JsonValueKind.String ? CardShape.ParseSeconds(length.GetString()!)!.Value : length.GetInt32();
        }

        var own = values.Where(pair => !CardShape.SpecFields.Contains(pair.Key)).ToDictionary(StringComparer.Ordinal);
        return new GenerationSpec(
            model.Id,
            reader.Text(CardShape.Prompt)!,
            mode,
            resolution,
            aspectRatio,
            seconds,
            values.TryGetValue(CardShape.Audio, out var audio) && audio.GetBoolean(),
            image,
            reader.Text(CardShape.ImageEnd),
            reader.Text(CardShape.Style) ?? "none",
            reader.Text(CardShape.Thinking) ?? "disabled",
            reader.Text(CardShape.NegativePrompt),
            values.TryGetValue(CardShape.Seed, out var seed) ? seed.GetInt32() : randomSeed,
            webhookUrl,
            metadata)
        {
            Width = width,
            Height = height,
            Fps = fps,
            Frames = frames,
            Parameters = own.Count == 0 ? null : own,
        };
    }
}
