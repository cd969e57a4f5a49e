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

        // From the top: a sticky panel otherwise lands wherever the last scroll left it.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        return path;
    }
}
