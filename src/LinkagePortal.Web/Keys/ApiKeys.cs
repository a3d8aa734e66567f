using System.Security.Cryptography;
using System.Text;
using Dapper;
using LinkagePortal.Data;

namespace LinkagePortal.Keys;

/// <summary>
/// Who is calling the write API: the organisation a key was issued to, the regions it may touch, and what the key is
/// for (<see cref="KeyScopes"/>).
/// </summary>
public sealed record ApiCaller(string KeyId, long OrganisationId, string Organisation, IReadOnlyList<string> Regions, string Scope = KeyScopes.Complaints)
{
    /// <summary>Whether the key may record complaints for a county (codes nest: a key for 6542 covers 654202).</summary>
    public bool Covers(string countyCode) => Regions.Any(r => countyCode.StartsWith(r, StringComparison.Ordinal));
}

/// <summary>What a key may do: record complaints (hotline and discipline-inspection staff) or publish (county finance bureaus).</summary>
public static class KeyScopes
{
    public const string Complaints = "complaints";
    public const string Publish = "publish";

    public static readonly string[] All = [Complaints, Publish];
}

/// <summary>
/// Per-organisation API keys for the write APIs, each for one scope (<see cref="KeyScopes"/>). A key is <c>lpk_&lt;id&gt;_&lt;secret&gt;</c> with 256 random bits
/// of secret; it is shown once when created and only its SHA-256 is stored (a fast hash is enough for a random key
/// of that length), compared in constant time. The id is public: it names the key in lists, revocation and the audit log.
/// </summary>
public sealed class ApiKeys(Db db, TimeProvider clock, AuditLog audit)
{
    const string Prefix = "lpk_";

    const string KeyById = """
        SELECT id AS Id, organisation_id AS OrganisationId, organisation AS Organisation, secret_hash AS SecretHash, scope AS Scope
        FROM api_keys WHERE id = @id AND revoked_at IS NULL
        """;
    const string RegionsOfKey = "SELECT region_code FROM api_key_counties WHERE key_id = @id ORDER BY region_code";
    const string RegionLevels = "SELECT code AS Code, level AS Level FROM regions WHERE code IN @codes";
    const string InsertKey = """
        INSERT INTO api_keys (id, organisation_id, organisation, secret_hash, created_at, scope) VALUES (@id, @organisationId, @organisation, @secretHash, @now, @scope)
        """;
    const string OrganisationNamed = "SELECT id FROM organisations WHERE name = @organisation";
    const string InsertOrganisation = "INSERT INTO organisations (name) VALUES (@organisation)";
    const string InsertRegion = "INSERT INTO api_key_counties (key_id, region_code) VALUES (@id, @code)";
    const string Revoke = "UPDATE api_keys SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL";
    const string AllKeys = """
        SELECT id AS Id, organisation AS Organisation, created_at AS CreatedAt, revoked_at AS RevokedAt, scope AS Scope
        FROM api_keys ORDER BY created_at, id
        """;
    const string AllRegions = "SELECT key_id AS KeyId, region_code AS RegionCode FROM api_key_counties ORDER BY key_id, region_code";

    public sealed record KeyRow
    {
        public required string Id { get; init; }
        public long? OrganisationId { get; init; }
        public required string Organisation { get; init; }
        public string SecretHash { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime? RevokedAt { get; init; }
        public string Scope { get; init; } = KeyScopes.Complaints;
    }

    public sealed record KeyRegion
    {
        public required string KeyId { get; init; }
        public required string RegionCode { get; init; }
    }

    public sealed record RegionLevel
    {
        public required string Code { get; init; }
        public required string Level { get; init; }
    }

    public sealed record KeyListing(string Id, string Organisation, IReadOnlyList<string> Regions, DateTime CreatedAt, DateTime? RevokedAt, string Scope);

    /// <summary>The key from <c>Authorization: Bearer …</c> or <c>X-Api-Key</c>, or null when absent, unknown or revoked.</summary>
    public async Task<ApiCaller?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var key = PresentedKey(request);
        if (key is null || !TryParse(key, out var id))
        {
            return null;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(KeyById, new { id });
        if (row is null || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(row.SecretHash), Sha256(key)))
        {
            return null;
        }

        var regions = (await connection.QueryAsync<string>(RegionsOfKey, new { id })).ToList();
        return row.OrganisationId is { } organisationId ? new ApiCaller(row.Id, organisationId, row.Organisation, regions, row.Scope) : null;
    }

    /// <summary>Whether the request presents a key at all (an absent key is no failed authentication).</summary>
    public static bool Presents(HttpRequest request) => PresentedKey(request) is not null;

    /// <summary>The public id part of a presented key of the right shape (for the audit log; never the secret).</summary>
    public static string? PresentedKeyId(HttpRequest request) => PresentedKey(request) is { } key && TryParse(key, out var id) ? id : null;

    static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        return request.Headers["X-Api-Key"].ToString().Trim() is { Length: > 0 } header ? header : null;
    }

    static bool TryParse(string key, out string id)
    {
        id = "";
        if (key.Length != Prefix.Length + 16 + 1 + 64 || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + 16] != '_')
        {
            return false;
        }

        id = key.Substring(Prefix.Length, 16);
        return true;
    }

    static byte[] Sha256(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Issues a key; returns its id and the key text, which exists nowhere else afterwards.</summary>
    public async Task<(string Id, string Key)> CreateAsync(string organisation, IReadOnlyList<string> regionCodes, string actor, string scope = KeyScopes.Complaints)
    {
        if (!KeyScopes.All.Contains(scope))
        {
            throw new ArgumentException($"the scope is one of {string.Join(", ", KeyScopes.All)}, not '{scope}'");
        }

        organisation = organisation.Trim();
        if (organisation.Length is 0 or > 200)
        {
            throw new ArgumentException("the organisation's name is required (at most 200 characters)");
        }

        var codes = regionCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (codes.Count == 0)
        {
            throw new ArgumentException("name at least one county code (e.g. 654202), or a prefecture's for all its counties");
        }

        await using var connection = await db.OpenAsync();
        var levels = (await connection.QueryAsync<RegionLevel>(RegionLevels, new { codes })).ToDictionary(r => r.Code, r => r.Level);
        var wrong = codes.Where(c => levels.GetValueOrDefault(c) is not ("county" or "prefecture" or "province")).ToList();
        if (wrong.Count > 0)
        {
            throw new ArgumentException($"not a county, prefecture or region code: {string.Join(", ", wrong)}");
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var key = $"{Prefix}{id}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await connection.BeginTransactionAsync();
        if (await connection.ExecuteScalarAsync<long?>(OrganisationNamed, new { organisation }, transaction) is not { } organisationId)
        {
            await connection.ExecuteAsync(InsertOrganisation, new { organisation }, transaction);
            organisationId = await connection.ExecuteScalarAsync<long>(OrganisationNamed, new { organisation }, transaction);
        }

        await connection.ExecuteAsync(InsertKey, new { id, organisationId, organisation, secretHash = Convert.ToHexStringLower(Sha256(key)), now, scope }, transaction);
        foreach (var code in codes)
        {
            await connection.ExecuteAsync(InsertRegion, new { id, code }, transaction);
        }

        await audit.AppendAsync(connection, transaction, new AuditEntry(actor, null, "key.create", "api_key", id, null,
            new { id, organisationId, organisation, regions = codes, createdAt = now, scope }));
        await transaction.CommitAsync();
        return (id, key);
    }

    /// <summary>Revokes a key at once; false when no active key has that id.</summary>
    public async Task<bool> RevokeAsync(string id, string actor)
    {
        await using var connection = await db.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        if (await connection.ExecuteAsync(Revoke, new { id, now }, transaction) == 0)
        {
            return false;
        }

        await audit.AppendAsync(connection, transaction, new AuditEntry(actor, null, "key.revoke", "api_key", id,
            new { id, revokedAt = (DateTime?)null }, new { id, revokedAt = now }));
        await transaction.CommitAsync();
        return true;
    }

    public async Task<IReadOnlyList<KeyListing>> ListAsync()
    {
        await using var connection = await db.OpenAsync();
        var regions = (await connection.QueryAsync<KeyRegion>(AllRegions)).ToLookup(r => r.KeyId, r => r.RegionCode);
        return (await connection.QueryAsync<KeyRow>(AllKeys))
            .Select(k => new KeyListing(k.Id, k.Organisation, regions[k.Id].ToList(), k.CreatedAt, k.RevokedAt, k.Scope))
            .ToList();
    }
}
