using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using ProcedureCatalog.Api.Database;

namespace ProcedureCatalog.Api.Access;

/// <summary>editor writes the catalogue of its jurisdictions; admin writes everything, reference data and targets included.</summary>
public enum ApiKeyRole
{
    Editor,
    Admin,
}

/// <summary>A key as stored: its public prefix and the SHA-256 of the whole key, never the key itself.</summary>
internal sealed record ApiKeyRow
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public required string Role { get; init; }
    public required string KeyPrefix { get; init; }
    public required string KeyHash { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? RevokedAt { get; init; }
}

/// <summary>A key as listed by the command: everything but the hash.</summary>
internal sealed record ApiKeyListing(long Id, string Name, string Role, string KeyPrefix, string Jurisdictions, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>
/// API keys look like <c>pck_&lt;prefix&gt;_&lt;secret&gt;</c>. The prefix finds the stored row; the hash of the
/// whole key is then compared in constant time, so neither a lookup nor a comparison tells how much of a
/// guessed key was right.
/// </summary>
internal static class ApiKeys
{
    public const string Header = "X-Api-Key";
    private const string Scheme = "pck";

    public static (string Key, string Prefix, string Hash) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = $"{Scheme}_{prefix}_{secret}";
        return (key, prefix, Hash(key));
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The public prefix of a key; the secret after it may itself contain '_'.</summary>
    public static string? PrefixOf(string key) =>
        key.Length > 15 && key.StartsWith(Scheme + "_", StringComparison.Ordinal) && key[14] == '_' ? key[4..14] : null;

    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static Task<ApiKeyRow?> FindByPrefix(DbConnection connection, string prefix, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(
            "SELECT id, name, role, key_prefix, key_hash, created_at, revoked_at FROM api_keys WHERE key_prefix = @Prefix",
            new { Prefix = prefix }, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<string>> JurisdictionsOf(DbConnection connection, long keyId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT jurisdiction_code FROM api_key_jurisdictions WHERE key_id = @KeyId ORDER BY jurisdiction_code",
            new { KeyId = keyId }, cancellationToken: cancellationToken))).ToList();

    public static async Task<long> Insert(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, string name, ApiKeyRole role, string prefix, string hash,
        IReadOnlyList<string> jurisdictions, DateTime now, CancellationToken cancellationToken)
    {
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO api_keys (name, role, key_prefix, key_hash, created_at, revoked_at)
            VALUES (@Name, @Role, @Prefix, @Hash, @Now, NULL);
            """ + dialect.SelectInsertedId,
            new { Name = name, Role = Infrastructure.EnumText.Of(role), Prefix = prefix, Hash = hash, Now = now }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO api_key_jurisdictions (key_id, jurisdiction_code) VALUES (@KeyId, @Jurisdiction)",
            jurisdictions.Select(jurisdiction => new { KeyId = id, Jurisdiction = jurisdiction }).ToList(), transaction, cancellationToken: cancellationToken));
        return id;
    }

    public static Task<int> Revoke(DbConnection connection, string name, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @Now WHERE name = @Name AND revoked_at IS NULL", new { Name = name, Now = now }, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<ApiKeyListing>> List(DbConnection connection, CancellationToken cancellationToken)
    {
        var keys = await connection.QueryAsync<ApiKeyRow>(new CommandDefinition(
            "SELECT id, name, role, key_prefix, key_hash, created_at, revoked_at FROM api_keys ORDER BY name", cancellationToken: cancellationToken));
        var listings = new List<ApiKeyListing>();
        foreach (var key in keys)
        {
            var jurisdictions = await JurisdictionsOf(connection, key.Id, cancellationToken);
            listings.Add(new ApiKeyListing(key.Id, key.Name, key.Role, key.KeyPrefix, string.Join(",", jurisdictions), key.CreatedAt, key.RevokedAt));
        }

        return listings;
    }
}
