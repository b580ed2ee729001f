using Dapper;
using DbUp;
using DbUp.Helpers;
using Microsoft.Data.Sqlite;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Generator;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Reports;
using ProcedureCatalog.Tests.Support;

namespace ProcedureCatalog.Tests.Database;

/// <summary>
/// Migrations 0011 and 0012 on a SQLite catalogue made by the version before them (its migrations 0001 to 0010 and its views,
/// kept in Before0011/): every figure the reports read for today's date is what it was, and the reductions on every date;
/// every procedure's attributes, review and documents' marks read on today are the values it had.
/// </summary>
public sealed class DatedAttributesMigrationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Migration0011 = "db/sqlite/migrations/0011_dated_attributes.sql";

    /// <summary>Today for the comparison: after every generated entry and review.</summary>
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly DateOnly[] Dates = [new(2024, 6, 30), new(2024, 12, 31), new(2025, 7, 1), new(2025, 12, 31), new(2026, 11, 22), Today];

    private static void BuildPrevious(string connectionString)
    {
        var migrations = DeployChanges.To.SqliteDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(CatalogMigrator).Assembly, name => name.StartsWith("db/sqlite/migrations/", StringComparison.Ordinal) && string.CompareOrdinal(name, Migration0011) < 0)
            .WithTransactionPerScript().LogToNowhere().Build().PerformUpgrade();
        Assert.True(migrations.Successful, migrations.Error?.Message);
        var views = DeployChanges.To.SqliteDatabase(connectionString)
            .WithScriptsFromFileSystem(Repository.PathOf("tests", "ProcedureCatalog.Tests", "Database", "Before0011"))
            .JournalTo(new NullJournal()).WithTransaction().LogToNowhere().Build().PerformUpgrade();
        Assert.True(views.Successful, views.Error?.Message);
    }

    /// <summary>A generated catalogue written as the version before wrote one: its rows, with the attributes and last review in the procedure's columns.</summary>
    private static async Task Fill(SqliteConnection connection)
    {
        var catalogue = new SyntheticCatalogue(400, 14);
        var now = SyntheticCatalogue.GeneratedAt;
        await using var transaction = await connection.BeginTransactionAsync(Cancel);
        foreach (var jurisdiction in catalogue.Jurisdictions)
        {
            await connection.ExecuteAsync("INSERT INTO jurisdictions (code, name, level, created_at, updated_at) VALUES (@Code, @Name, @Level, @Now, @Now)",
                new { jurisdiction.Code, jurisdiction.Name, Level = jurisdiction == GeneratorVocabulary.Central ? "central" : "province", Now = now }, transaction);
        }

        foreach (var (jurisdiction, year, tariff) in catalogue.Tariffs.Where(tariff => tariff.Jurisdiction != "11"))
        {
            await connection.ExecuteAsync("INSERT INTO hourly_tariffs (jurisdiction_code, year, hourly_tariff_vnd, created_at, updated_at) VALUES (@Jurisdiction, @Year, @Tariff, @Now, @Now)",
                new { Jurisdiction = jurisdiction, Year = year, Tariff = tariff, Now = now }, transaction);
        }

        foreach (var field in GeneratorVocabulary.Fields)
        {
            await connection.ExecuteAsync("INSERT INTO fields (name, created_at, updated_at) VALUES (@Name, @Now, @Now)", new { field.Name, Now = now }, transaction);
        }

        foreach (var agency in catalogue.Agencies)
        {
            await connection.ExecuteAsync("INSERT INTO agencies (jurisdiction_code, name, created_at, updated_at) VALUES (@Jurisdiction, @Name, @Now, @Now)",
                new { agency.Jurisdiction, agency.Name, Now = now }, transaction);
        }

        var recorded = now;
        foreach (var procedure in catalogue.Procedures())
        {
            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO procedures (jurisdiction_code, code, name, search_text, level, kind, business_related, online_level, full_online_eligible, boundary_free,
                    field_id, agency_id, status, abolished_on, last_reviewed_on, created_at, updated_at)
                VALUES (@Jurisdiction, @Code, @Name, @Name, @Level, @Kind, @BusinessRelated, @OnlineLevel, @FullOnlineEligible, @BoundaryFree,
                    (SELECT id FROM fields WHERE name = @Field), (SELECT id FROM agencies WHERE jurisdiction_code = @Jurisdiction AND name = @Agency),
                    @Status, @AbolishedOn, @LastReviewedOn, @Now, @Now);
                SELECT last_insert_rowid();
                """,
                new
                {
                    procedure.Jurisdiction, procedure.Code, procedure.Name, Level = EnumText.Of(procedure.Level), Kind = EnumText.Of(procedure.Kind), procedure.BusinessRelated,
                    OnlineLevel = EnumText.Of(procedure.OnlineLevel), procedure.FullOnlineEligible, procedure.BoundaryFree, procedure.Field, procedure.Agency,
                    Status = EnumText.Of(procedure.Status), procedure.AbolishedOn, procedure.LastReviewedOn, Now = now,
                },
                transaction);
            for (var index = 0; index < procedure.Documents.Count; index++)
            {
                var document = procedure.Documents[index];
                await connection.ExecuteAsync(
                    "INSERT INTO documents (procedure_id, position, name, originals, copies, provided_once, created_at, updated_at) VALUES (@Id, @Position, @Name, 1, 0, @ProvidedOnce, @Now, @Now)",
                    new { Id = id, Position = index + 1, document.Name, document.ProvidedOnce, Now = now }, transaction);
            }

            foreach (var entry in procedure.TimeHistory)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO time_history (procedure_id, effective_from, amount, unit, decision_ref, recorded_at) VALUES (@Id, @EffectiveFrom, @Amount, @Unit, @DecisionRef, @Recorded)",
                    new { Id = id, entry.EffectiveFrom, entry.Amount, Unit = EnumText.Of(entry.Unit!.Value), entry.DecisionRef, Recorded = recorded = recorded.AddSeconds(1) }, transaction);
            }

            foreach (var entry in procedure.CostHistory)
            {
                await connection.ExecuteAsync(
                    """
                    INSERT INTO cost_history (procedure_id, effective_from, fee_vnd, other_cost_vnd, applicant_hours, annual_filings, decision_ref, recorded_at)
                    VALUES (@Id, @EffectiveFrom, @FeeVnd, @OtherCostVnd, @ApplicantHours, @AnnualFilings, @DecisionRef, @Recorded)
                    """,
                    new { Id = id, entry.EffectiveFrom, entry.FeeVnd, entry.OtherCostVnd, entry.ApplicantHours, entry.AnnualFilings, entry.DecisionRef, Recorded = recorded = recorded.AddSeconds(1) },
                    transaction);
            }
        }

        await transaction.CommitAsync(Cancel);
    }

    private const string TimeFigures =
        """
        SELECT id, is_abolished, baseline_value, current_value, reduction_hundredths FROM time_reductions
        WHERE program_code = 'resolution-66' AND valid_from <= @AsOf AND (valid_to IS NULL OR valid_to > @AsOf) ORDER BY id
        """;

    private const string CostFigures =
        """
        SELECT id, is_abolished, hourly_tariff_vnd, baseline_value, current_value, reduction_hundredths, baseline_annual_filings, current_annual_filings,
               baseline_yearly_centi, current_yearly_centi
        FROM cost_reductions
        WHERE program_code = 'resolution-66' AND valid_from <= @AsOf AND (valid_to IS NULL OR valid_to > @AsOf) ORDER BY id
        """;

    /// <summary>What the reports read: both measures per procedure on every date, in one comparable text per row.</summary>
    private static async Task<List<string>> Reductions(SqliteConnection connection)
    {
        var rows = new List<string>();
        foreach (var date in Dates)
        {
            foreach (var query in new[] { TimeFigures, CostFigures })
            {
                foreach (IDictionary<string, object?> row in await connection.QueryAsync(query, new { AsOf = date }))
                {
                    rows.Add($"{date} " + string.Join("|", row.Values.Select(value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture))));
                }
            }
        }

        return rows;
    }

    /// <summary>The coverage indicators of both years on today's date, as the version before counted them (its view coverage_facts).</summary>
    private static async Task<List<(string Indicator, int Year, long Numerator, long Denominator)>> CoverageBefore(SqliteConnection connection) =>
        (await connection.QueryAsync<(string, int, long, long)>(
            """
            SELECT indicator, year, SUM(in_numerator), COUNT(*) FROM coverage_facts
            WHERE program_code = 'resolution-66' AND (abolished_on IS NULL OR abolished_on > @AsOf)
            GROUP BY indicator, year ORDER BY year, indicator
            """,
            new { AsOf = Today })).ToList();

    private static async Task<List<(string Indicator, int Year, long Numerator, long Denominator)>> CoverageAfter(SqliteConnection connection, IReadOnlyCollection<string> indicators)
    {
        var coverage = new List<(string, int, long, long)>();
        foreach (var year in new[] { 2025, 2026 })
        {
            var rows = await CoverageQueries.Coverage(connection, null, new ReportDates("resolution-66", 2024, Today, year), Cancel);
            coverage.AddRange(rows.Where(row => indicators.Contains(row.Indicator) && row.Denominator > 0).Select(row => (row.Indicator, year, row.Numerator, row.Denominator)));
        }

        return coverage;
    }

    private const string AttributesBefore =
        """
        SELECT p.id, p.kind, p.business_related, p.online_level, p.full_online_eligible, p.boundary_free, p.last_reviewed_on,
               (SELECT COUNT(*) FROM documents d WHERE d.procedure_id = p.id), (SELECT COUNT(*) FROM documents d WHERE d.procedure_id = p.id AND d.provided_once = 1)
        FROM procedures p ORDER BY p.id
        """;

    private const string AttributesAfter =
        """
        SELECT w.procedure_id, w.kind, w.business_related, w.online_level, w.full_online_eligible, w.boundary_free, w.last_reviewed_on, w.documents, w.documents_provided_once
        FROM procedure_windows w WHERE w.valid_from <= @AsOf AND (w.valid_to IS NULL OR w.valid_to > @AsOf) ORDER BY w.procedure_id
        """;

    private static async Task<List<string>> Rows(SqliteConnection connection, string query) =>
        (await connection.QueryAsync(query, new { AsOf = Today })).Cast<IDictionary<string, object?>>()
            .Select(row => string.Join("|", row.Values.Select(value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)))).ToList();

    [Fact]
    public async Task MigratingACatalogueOfTheVersionBeforeKeepsEveryFigureOfToday()
    {
        using var file = new TemporarySqliteFile();
        BuildPrevious(file.ConnectionString);
        List<string> reductions, attributes;
        List<(string Indicator, int Year, long Numerator, long Denominator)> coverage;
        await using (var connection = new SqliteConnection(file.ConnectionString))
        {
            await connection.OpenAsync(Cancel);
            await Fill(connection);
            reductions = await Reductions(connection);
            coverage = await CoverageBefore(connection);
            attributes = await Rows(connection, AttributesBefore);
        }

        Assert.True(reductions.Count > 2 * 400 * 5);
        Assert.Contains(coverage, row => row.Indicator == "internal-reviewed" && row.Numerator > 0);

        var applied = Targets.Migrator(Targets.Open(DatabaseProvider.Sqlite, file.ConnectionString)).Migrate();
        Assert.Equal(Migration0011, applied[0]);
        await using var migrated = new SqliteConnection(file.ConnectionString);
        await migrated.OpenAsync(Cancel);
        Assert.Equal(reductions, await Reductions(migrated));
        Assert.Equal(coverage.Where(row => row.Denominator > 0), await CoverageAfter(migrated, coverage.Select(row => row.Indicator).ToHashSet()));
        Assert.Equal(attributes, await Rows(migrated, AttributesAfter));

        // The values migrated as entries in force from the beginning: one of each attribute per procedure, one mark per document.
        Assert.Equal(await migrated.ExecuteScalarAsync<long>("SELECT COUNT(*) * 6 FROM procedures"), await migrated.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM attribute_history WHERE effective_from = '0001-01-01'"));
        Assert.Equal(await migrated.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM documents"), await migrated.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM provided_once_history"));
        Assert.Equal(await migrated.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM procedures WHERE last_reviewed_on IS NOT NULL"), await migrated.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM procedure_reviews"));
    }
}
