using Microsoft.Playwright;
using Reelgate.Testing;

namespace Reelgate.Browser.Tests.Infrastructure;

/// <summary>Full-page screenshots written as test artifacts to artifacts/screenshots/ (gitignored).</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        return path;
    }
}
