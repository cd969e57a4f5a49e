namespace Reelgate.Server.Tests.Infrastructure;

/// <summary>Small real images made with libvips, for uploads and data URIs.</summary>
public static class TestImages
{
    public static byte[] Png(int width, int height)
    {
        using var image = NetVips.Image.Black(width, height, bands: 3).Linear([1.0, 1.0, 1.0], [200.0, 80.0, 40.0]).Cast(
            NetVips.Enums.BandFormat.Uchar);
        return image.PngsaveBuffer();
    }
}
