using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using LinkagePortal.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace LinkagePortal.Keys;

/// <summary>
/// The write APIs' keys as an ASP.NET Core authentication scheme: an endpoint that requires <see cref="Complaints"/> or
/// <see cref="Publish"/> sees the caller as <see cref="ApiCaller"/> (<see cref="Caller"/>); a key of the other scope is
/// refused with 403. A wrong or revoked key is a failed
/// authentication: counted per client (past <c>RateLimits:failed-authentication</c> the client gets 429 with
/// Retry-After), written to the log and the audit log with the key's public id at most, never its secret.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeys keys, FailedAuthentications failures, AuditLog audit)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    const string OrganisationId = "organisation_id";
    const string Region = "region";
    const string Scope = "scope";
    const string TooManyFailures = "ApiKeyAuthentication.TooManyFailures";

    /// <summary>A key for recording complaints.</summary>
    public static AuthorizationPolicy Complaints { get; } = For(KeyScopes.Complaints);

    /// <summary>A key for publishing through the portal.</summary>
    public static AuthorizationPolicy Publish { get; } = For(KeyScopes.Publish);

    static AuthorizationPolicy For(string scope) =>
        new AuthorizationPolicyBuilder(SchemeName).RequireAuthenticatedUser().RequireClaim(Scope, scope).Build();

    /// <summary>The authenticated caller of an endpoint that requires <see cref="Policy"/>.</summary>
    public static ApiCaller Caller(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier)!,
        long.Parse(user.FindFirstValue(OrganisationId)!, CultureInfo.InvariantCulture),
        user.FindFirstValue(ClaimTypes.Name)!,
        user.FindAll(Region).Select(c => c.Value).ToList(),
        user.FindFirstValue(Scope)!);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ApiKeys.Presents(Request))
        {
            return AuthenticateResult.NoResult();
        }

        if (await keys.AuthenticateAsync(Request, Context.RequestAborted) is not { } caller)
        {
            await CountFailureAsync();
            return AuthenticateResult.Fail("unknown or revoked API key");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, caller.KeyId),
                new Claim(OrganisationId, caller.OrganisationId.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, caller.Organisation),
                .. caller.Regions.Select(r => new Claim(Region, r)),
                new Claim(Scope, caller.Scope),
            ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    async Task CountFailureAsync()
    {
        var client = RateLimits.Client(Context);
        var keyId = ApiKeys.PresentedKeyId(Request);
        if (failures.Count(Context) is { } wait)
        {
            Context.Items[TooManyFailures] = wait;
            return;
        }

        Logger.LogWarning("Failed API key authentication from {Client} (key id {KeyId})", client, keyId ?? "malformed");
        await audit.AppendAsync(new AuditEntry($"client {client}", null, "auth.failed", "api_key", keyId ?? "-", null,
            new { client, path = Request.Path.Value, keyShape = keyId is null ? "malformed" : "unknown or revoked" }), Context.RequestAborted);
    }

    /// <summary>A valid key of another scope: 403, in the audit log.</summary>
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var caller = Caller(Context.User);
        var reason = $"{caller.Organisation} 的密钥（{caller.KeyId}）用途为 {caller.Scope}，不能用于 {Request.Path}。";
        await audit.AppendAsync(new AuditEntry(caller.Organisation, caller.KeyId, "refused", "api_key", caller.KeyId, null,
            new { status = 403, reason, path = Request.Path.Value }), Context.RequestAborted);
        await Results.Problem(title: "密钥用途不符", detail: reason, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[TooManyFailures] is TimeSpan wait)
        {
            await RateLimits.TooMany(Context, wait).ExecuteAsync(Context);
            return;
        }

        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(
            title: "需要有效的 API 密钥",
            detail: "请在 Authorization: Bearer <密钥> 或 X-Api-Key 请求头中给出本单位的密钥；密钥由平台管理员用 keys create 命令签发。",
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }
}
