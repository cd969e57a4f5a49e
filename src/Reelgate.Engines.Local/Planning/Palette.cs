namespace Reelgate.Engines.Local.Planning;

/// <summary>The scene's colours as hues in degrees; <see cref="Named"/> is the colour word that chose them, if any.</summary>
public sealed record Palette(double PrimaryHue, double SecondaryHue, double Saturation, string? Named);
