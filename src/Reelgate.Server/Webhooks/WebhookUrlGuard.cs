using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Reelgate.Core;
using Reelgate.Imaging;
using Reelgate.Imaging.Networking;

namespace Reelgate.Server.Webhooks;

/// <summary>
/// Refuses a webhook URL at submission when its host resolves to an address image URLs may not reach
/// (same policy and setting). Delivery checks again at connect time, so a later DNS change cannot get through.
/// </summary>
public sealed class WebhookUrlGuard(IHostResolver resolver, IOptions<ImagingOptions> imaging)
{
    public async Task<Failure?> CheckAsync(string url, string param, CancellationToken cancellationToken)
    {
        var uri = new Uri(url, UriKind.Absolute);
        var policy = new PublicAddressPolicy(imaging.Value.AllowPrivateUrls);
        var host = uri.IdnHost.TrimEnd('.');
        if (!policy.AllowsPrivateAddresses
            && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)))
        {
            return Refused(param, "localhost");
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                ? [literal]
                : await resolver.ResolveAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return Failure.Invalid(param, "webhook_url_unresolvable", $"{param}: the host '{Failure.Printable(host)}' does not resolve");
        }

        if (addresses.Length == 0)
        {
            return Failure.Invalid(param, "webhook_url_unresolvable", $"{param}: the host '{Failure.Printable(host)}' does not resolve");
        }

        var refused = addresses.FirstOrDefault(a => !policy.IsAllowed(a));
        return refused is null ? null : Refused(param, refused.ToString());
    }

    private static Failure Refused(string param, string address) =>
        Failure.Invalid(param, "webhook_url_refused",
            $"{param} points at a private or reserved address ({address}); webhooks go to public addresses only " +
            "(REELGATE_ALLOW_PRIVATE_URLS allows private ones on a developer's machine)");
}
