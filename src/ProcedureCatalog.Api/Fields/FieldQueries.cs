using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;

namespace ProcedureCatalog.Api.Fields;

internal static class FieldQueries
{
    private const string Select = "SELECT id, name, created_at, updated_at, version FROM fields";

    public static Task<IEnumerable<FieldRow>> List(DbConnection connection, CancellationToken cancellationToken) =>
        connection.QueryAsync<FieldRow>(new CommandDefinition(Select + " ORDER BY name", cancellationToken: cancellationToken));

    public static Task<FieldRow?> Find(DbConnection connection, long id, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<FieldRow>(
            new CommandDefinition(Select + " WHERE id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// The field whose name is the same as <paramref name="name"/> by TextRules.NameKey (case, Unicode form and spacing aside).
    /// Neither engine folds Vietnamese case and Unicode forms in SQL the way .NET does, and fields are a few hundred: compared here.
    /// </summary>
    public static async Task<long?> IdOfName(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken)
    {
        var key = Infrastructure.TextRules.NameKey(name);
        var names = await connection.QueryAsync<(long Id, string Name)>(
            new CommandDefinition("SELECT id, name FROM fields", transaction: transaction, cancellationToken: cancellationToken));
        return names.Where(field => Infrastructure.TextRules.NameKey(field.Name) == key).Select(field => (long?)field.Id).FirstOrDefault();
    }

    public static Task<long> Insert(DbConnection connection, DbTransaction transaction, SqlDialect dialect, FieldInput input, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO fields (name, created_at, updated_at, version) VALUES (@Name, @Now, @Now, 1); " + dialect.SelectInsertedId,
            new { Name = input.Name.Trim(), Now = now }, transaction, cancellationToken: cancellationToken));

    public static Task<int> Update(DbConnection connection, DbTransaction transaction, long id, long expectedVersion, FieldInput input, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE fields SET name = @Name, updated_at = @Now, version = version + 1 WHERE id = @Id AND version = @ExpectedVersion",
            new { Id = id, Name = input.Name.Trim(), Now = now, ExpectedVersion = expectedVersion }, transaction, cancellationToken: cancellationToken));
}
