using System.Security.Claims;
using Reelgate.Core.Keys;

namespace Reelgate.Server.Auth;

/// <summary>
/// A stored key as authentication found it, with the principal its requests run as. The principal is shared by
/// every request the cache answers with this key, so nothing may change it (nothing here does: no claims
/// transformation is registered).
/// </summary>
public sealed record KnownKey(ApiKey Key, ClaimsPrincipal Principal);
