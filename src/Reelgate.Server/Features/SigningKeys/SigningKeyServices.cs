using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Server.Configuration;
using Reelgate.Server.Features.Files;

namespace Reelgate.Server.Features.SigningKeys;

/// <summary>What adding or retiring a signing key uses, as one [AsParameters] record.</summary>
public sealed record SigningKeyServices(ISigningKeyStore Store, UrlSigner Signer, IOptions<ReelgateOptions> Options, TimeProvider Time);
