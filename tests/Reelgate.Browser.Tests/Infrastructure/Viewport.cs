namespace Reelgate.Browser.Tests.Infrastructure;

/// <summary>A screen size the pages are checked at: a laptop and a phone.</summary>
public sealed record Viewport(string Name, int Width, int Height, bool IsMobile)
{
    public static readonly Viewport Desktop = new("desktop", 1280, 800, false);

    public static readonly Viewport Phone = new("phone", 390, 844, true);

    public static Viewport Named(string name) => name == Phone.Name ? Phone : Desktop;

    public override string ToString() => Name;
}
