namespace LinkagePortal.Keys;

/// <summary>
/// The organisations' API keys (hashed, county-scoped, each for one scope), their authentication scheme, the
/// hash-chained audit log every write API appends to, and the <c>keys</c> and <c>audit</c> commands: shared by the
/// complaints API (Hotline/) and publishing through the portal (Publishing/).
/// </summary>
public static class KeysServices
{
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ApiKeys>();
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization();
        Commands.Commands.Register("keys", KeyCommands.Run, "org", "counties", "scope");
        Commands.Commands.Register("audit", AuditCommands.Run);
        return services;
    }
}
