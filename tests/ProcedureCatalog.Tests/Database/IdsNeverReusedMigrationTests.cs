using Dapper;
using DbUp;
using DbUp.Helpers;
using Microsoft.Data.Sqlite;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Database;

/// <summary>Migration 0008 on a SQLite catalogue that was in use before it: AUTOINCREMENT everywhere, nothing lost.</summary>
public sealed class IdsNeverReusedMigrationTests
{
    private const string Migration0008 = "db/sqlite/migrations/0008_ids_never_reused.sql";

    private static readonly string[] RebuiltTables = ["fields", "agencies", "procedures", "legal_basis", "documents", "time_history", "cost_history", "api_keys"];

    /// <summary>The windows tables that today's views read (migration 0010 only creates them, apart from everything 0008 rebuilds).</summary>
    private const string Migration0010 = "db/sqlite/migrations/0010_history_windows.sql";

    /// <summary>The reporting regimes that today's views read (views/0350), apart from everything 0008 rebuilds.</summary>
    private const string Migration0013 = "db/sqlite/migrations/0013_reporting_regimes.sql";

    /// <summary>
    /// A catalogue as the deploy before 0008 left it: the migrations up to 0007, then the views. The views are
    /// today's, which read the tables of 0010 and 0013, so those are applied with them (and journalled: the upgrade skips them).
    /// </summary>
    private static void MigrateUpTo0007(string connectionString)
    {
        var assembly = typeof(CatalogMigrator).Assembly;
        var migrations = DeployChanges.To.SqliteDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(assembly, name => name.StartsWith("db/sqlite/migrations/", StringComparison.Ordinal)
                && (string.CompareOrdinal(name, Migration0008) < 0 || name == Migration0010 || name == Migration0013))
            .WithTransactionPerScript().LogToNowhere().Build().PerformUpgrade();
        Assert.True(migrations.Successful, migrations.Error?.Message);
        var views = DeployChanges.To.SqliteDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(assembly, name => name.StartsWith("db/sqlite/views/", StringComparison.Ordinal))
            .JournalTo(new NullJournal()).WithTransaction().LogToNowhere().Build().PerformUpgrade();
        Assert.True(views.Successful, views.Error?.Message);
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true }.ToString());
        connection.Open();
        return connection;
    }

    private static async Task<HashSet<string>> IndexesAndTriggers(SqliteConnection connection) =>
        (await connection.QueryAsync<string>(
            "SELECT type || ' ' || name || ' ON ' || tbl_name || ': ' || COALESCE(sql, '') FROM sqlite_master WHERE type IN ('index', 'trigger')")).ToHashSet(StringComparer.Ordinal);

    private static async Task<Dictionary<string, long>> Counts(SqliteConnection connection)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in RebuiltTables.Append("procedure_figures").Append("api_key_jurisdictions").Append("changes"))
        {
            counts[table] = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
        }

        return counts;
    }

    [Fact]
    public async Task AnUpgradedCatalogueKeepsItsRowsIndexesTriggersAndForeignKeysAndNeverGivesADeletedIdAgain()
    {
        using var file = new TemporarySqliteFile();
        MigrateUpTo0007(file.ConnectionString);
        await using (var connection = Open(file.ConnectionString))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO jurisdictions (code, name, level, created_at, updated_at) VALUES ('11', 'Điện Biên', 'province', '2026-01-01', '2026-01-01');
                INSERT INTO fields (id, name, created_at, updated_at) VALUES (1, 'Đăng ký kinh doanh', '2026-01-01', '2026-01-01');
                INSERT INTO agencies (id, jurisdiction_code, name, created_at, updated_at) VALUES (1, '11', 'Sở Tài chính', '2026-01-01', '2026-01-01');
                INSERT INTO procedures (id, jurisdiction_code, code, name, search_text, level, kind, business_related, online_level, full_online_eligible, boundary_free,
                    field_id, agency_id, status, created_at, updated_at)
                VALUES (1, '11', '1.000001', 'Đăng ký hộ kinh doanh', 'dang ky ho kinh doanh', 'province', 'external', 1, 'partial', 1, 1, 1, 1, 'active', '2026-01-01', '2026-01-01'),
                       (2, '11', '1.000002', 'Cấp giấy phép xây dựng', 'cap giay phep xay dung', 'province', 'external', 1, 'partial', 1, 1, 1, 1, 'active', '2026-01-01', '2026-01-01'),
                       (3, '11', '1.000003', 'Thủ tục nhập nhầm', 'thu tuc nhap nham', 'province', 'external', 1, 'partial', 1, 1, 1, 1, 'active', '2026-01-01', '2026-01-01');
                INSERT INTO legal_basis (procedure_id, position, number, title) VALUES (1, 1, '59/2020/QH14', 'Luật Doanh nghiệp');
                INSERT INTO documents (procedure_id, position, name, originals, copies, provided_once, created_at, updated_at) VALUES
                    (1, 1, 'Giấy đề nghị', 1, 0, 0, '2026-01-01', '2026-01-01'), (2, 1, 'Bản vẽ', 1, 0, 0, '2026-01-01', '2026-01-01');
                INSERT INTO time_history (procedure_id, effective_from, amount, unit, decision_ref, recorded_at) VALUES (1, '2024-01-01', 10, 'working-days', '1/QĐ', '2026-01-01');
                INSERT INTO cost_history (procedure_id, effective_from, fee_vnd, other_cost_vnd, applicant_hours, decision_ref, recorded_at) VALUES (1, '2024-01-01', 100000, 0, 2, '1/QĐ', '2026-01-01');
                INSERT INTO api_keys (id, name, role, key_prefix, key_hash, created_at) VALUES (1, 'Điện Biên one-stop', 'editor', 'abcdefghij', 'hash', '2026-01-01');
                INSERT INTO api_key_jurisdictions (key_id, jurisdiction_code) VALUES (1, '11');
                INSERT INTO changes (entity, entity_key, action, procedure_id, jurisdiction_code, procedure_code, version, key_id, key_name, changed_at) VALUES
                    ('procedure', '3', 'created', 3, '11', '1.000003', 1, 1, 'Điện Biên one-stop', '2026-01-01'),
                    ('procedure', '3', 'deleted', 3, '11', '1.000003', NULL, 1, 'Điện Biên one-stop', '2026-01-02');
                DELETE FROM procedures WHERE id = 3;
                """);
        }

        using var fresh = new TemporarySqliteFile();
        Targets.Migrator(Targets.Open(DatabaseProvider.Sqlite, fresh.ConnectionString)).Migrate();
        HashSet<string> before;
        Dictionary<string, long> countsBefore;
        await using (var connection = Open(file.ConnectionString))
        {
            before = await IndexesAndTriggers(connection);
            countsBefore = await Counts(connection);
        }

        var applied = Targets.Migrator(Targets.Open(DatabaseProvider.Sqlite, file.ConnectionString)).Migrate();

        Assert.Equal(Migration0008, applied[0]);
        await using var upgraded = Open(file.ConnectionString);
        await using var reference = Open(fresh.ConnectionString);
        foreach (var table in RebuiltTables)
        {
            Assert.Contains("AUTOINCREMENT", await upgraded.ExecuteScalarAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = @table", new { table }), StringComparison.Ordinal);
        }

        Assert.Equal(countsBefore, await Counts(upgraded));
        var after = await IndexesAndTriggers(upgraded);
        Assert.Subset(after, before);
        Assert.Equal(await IndexesAndTriggers(reference), after);
        Assert.Empty(await upgraded.QueryAsync("SELECT * FROM pragma_foreign_key_check"));
        var found = (await upgraded.QueryAsync<long>("SELECT rowid FROM procedure_search WHERE procedure_search MATCH '\"ho kinh\"'")).ToArray();
        Assert.Equal(1L, Assert.Single(found));

        await upgraded.ExecuteAsync(
            """
            INSERT INTO procedures (jurisdiction_code, code, name, search_text, level, kind, business_related, online_level, full_online_eligible, boundary_free,
                field_id, agency_id, status, created_at, updated_at)
            VALUES ('11', '1.000003', 'Thủ tục mới', 'thu tuc moi', 'province', 'external', 1, 'partial', 1, 1, 1, 1, 'active', '2026-02-01', '2026-02-01')
            """);
        Assert.Equal(4, await upgraded.ExecuteScalarAsync<long>("SELECT id FROM procedures WHERE code = '1.000003'"));
        await Assert.ThrowsAsync<SqliteException>(() => upgraded.ExecuteAsync(
            "INSERT INTO documents (procedure_id, position, name, originals, copies, provided_once, created_at, updated_at) VALUES (3, 1, 'Mồ côi', 1, 0, 0, '2026-01-01', '2026-01-01')"));
        await upgraded.ExecuteAsync("DELETE FROM procedures WHERE id = 2");
        Assert.Equal(0, await upgraded.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM documents WHERE procedure_id = 2"));
        var lastDocument = await upgraded.ExecuteScalarAsync<long>("SELECT MAX(id) FROM documents");
        await upgraded.ExecuteAsync("DELETE FROM documents WHERE id = @lastDocument", new { lastDocument });
        await upgraded.ExecuteAsync("INSERT INTO documents (procedure_id, position, name, originals, copies, provided_once, created_at, updated_at) VALUES (1, 2, 'Tờ khai', 1, 0, 0, '2026-01-01', '2026-01-01')");
        Assert.True(await upgraded.ExecuteScalarAsync<long>("SELECT MAX(id) FROM documents") > lastDocument);
    }
}
