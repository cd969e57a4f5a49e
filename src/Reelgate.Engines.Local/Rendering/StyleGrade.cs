namespace Reelgate.Engines.Local.Rendering;

/// <summary>
/// The colour grade a style lays over an input image (image to video), as a 4×5 colour matrix:
/// anime saturates and brightens, 3d_animation adds contrast, clay mutes and warms, comic pushes
/// contrast and saturation hard, cyberpunk crushes to magenta and cyan; none leaves colours alone.
/// </summary>
public static class StyleGrade
{
    private static readonly float[] Identity = [1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0];

    public static float[] MatrixFor(string style) => style switch
    {
        "anime" => Saturation(1.45f, 0.06f),
        "3d_animation" => Contrast(1.2f),
        "clay" => Combine(Saturation(0.5f, 0.05f), [1.04f, 0, 0, 0, 0.03f, 0, 1, 0, 0, 0.01f, 0, 0, 0.9f, 0, 0, 0, 0, 0, 1, 0]),
        "comic" => Combine(Saturation(1.6f, 0), Contrast(1.5f)),
        "cyberpunk" => [0.9f, 0.2f, 0.3f, 0, -0.05f, 0.05f, 0.45f, 0.25f, 0, -0.05f, 0.35f, 0.35f, 0.9f, 0, 0.02f, 0, 0, 0, 1, 0],
        _ => Identity,
    };

    /// <summary>Identity at 0, the full grade at 1.</summary>
    public static float[] Lerp(float[] grade, double amount)
    {
        var result = new float[20];
        for (var i = 0; i < 20; i++)
        {
            result[i] = (float)(Identity[i] + ((grade[i] - Identity[i]) * amount));
        }

        return result;
    }

    private static float[] Saturation(float s, float lift)
    {
        const float R = 0.2126f, G = 0.7152f, B = 0.0722f;
        return
        [
            R + ((1 - R) * s), G - (G * s), B - (B * s), 0, lift,
            R - (R * s), G + ((1 - G) * s), B - (B * s), 0, lift,
            R - (R * s), G - (G * s), B + ((1 - B) * s), 0, lift,
            0, 0, 0, 1, 0,
        ];
    }

    private static float[] Contrast(float c)
    {
        var offset = 0.5f * (1 - c);
        return [c, 0, 0, 0, offset, 0, c, 0, 0, offset, 0, 0, c, 0, offset, 0, 0, 0, 1, 0];
    }

    /// <summary>Applies <paramref name="first"/> then <paramref name="second"/>.</summary>
    private static float[] Combine(float[] first, float[] second)
    {
        var result = new float[20];
        for (var row = 0; row < 4; row++)
        {
            for (var col = 0; col < 5; col++)
            {
                var sum = col == 4 ? second[(row * 5) + 4] : 0f;
                for (var k = 0; k < 4; k++)
                {
                    sum += second[(row * 5) + k] * first[(k * 5) + col];
                }

                result[(row * 5) + col] = sum;
            }
        }

        return result;
    }
}
