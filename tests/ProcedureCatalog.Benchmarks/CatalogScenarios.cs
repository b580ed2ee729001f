using System.Data.Common;
using Dapper;
using MapsterMapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Reports;
using ProcedureCatalog.Api.Targets;

namespace ProcedureCatalog.Benchmarks;

/// <summary>
/// The six measured requests as the service's query layer runs them, statement for statement, without
/// HTTP: the same calls the endpoints make (program, targets, tariff check, then the report), so that HTTP
/// time over this time is what the web stack, mapping and JSON or CSV add.
/// </summary>
public sealed class CatalogScenarios
{
    /// <summary>The query strings the HTTP runs use for the same work; kept here so both sides agree.</summary>
    public const string SearchQuery = "dang ky kinh doanh";
    public const string ReductionsPath = "/api/v1/reports/reductions?groupBy=agency&scope=all&asOf=2025-12-31";
    public const string ScoreboardPath = "/api/v1/reports/scoreboard?year=2025";
    public const string LaggardsPath = "/api/v1/reports/laggards?year=2025";
    public static readonly string SearchPath = "/api/v1/procedures?q=" + Uri.EscapeDataString(SearchQuery);

    /// <summary>The full CSV export of one jurisdiction (the largest of the catalogue), on the same date as the reports.</summary>
    public static string ExportPath(string jurisdiction) => $"/api/v1/jurisdictions/{Uri.EscapeDataString(jurisdiction)}/export?format=csv&asOf=2025-12-31";

    private static readonly ReportDates Dates = new(ReportText.DefaultProgram, 2024, new DateOnly(2025, 12, 31), 2025);
    private static readonly ProcedureFilter TargetScope = new() { Kind = ProcedureKind.External, BusinessRelated = true };
    private readonly IMapper mapper = new Mapper(CatalogMappings.Create());
    private readonly (string Jurisdiction, string Code)[] keys;
    private int next;

    public CatalogScenarios(string databasePath)
    {
        Database = new CatalogDatabase(
            Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={databasePath}" }),
            new ConfigurationBuilder().Build());

        // As the service does on start: pending migrations, and the views of this build.
        new CatalogMigrator(Database, Microsoft.Extensions.Logging.Abstractions.NullLogger<CatalogMigrator>.Instance).Migrate();
        using var connection = Database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        keys = SampleKeys(connection).ToArray();
        ExportJurisdiction = LargestJurisdiction(connection);
    }

    /// <summary>The jurisdiction with the most procedures: the one the export scenario exports.</summary>
    public string ExportJurisdiction { get; }

    public static string LargestJurisdiction(DbConnection connection) =>
        connection.ExecuteScalar<string>("SELECT jurisdiction_code FROM procedures GROUP BY jurisdiction_code ORDER BY COUNT(*) DESC, jurisdiction_code LIMIT 1")
        ?? throw new InvalidOperationException("The catalogue has no procedures.");

    public CatalogDatabase Database { get; }

    /// <summary>Called with every connection a scenario opens, before its first statement (the plans trace them).</summary>
    public Action<DbConnection>? Opened { get; set; }

    private async Task<DbConnection> Open(CancellationToken cancellationToken)
    {
        var connection = await Database.OpenAsync(cancellationToken);
        Opened?.Invoke(connection);
        return connection;
    }

    /// <summary>One file of request paths per scenario (procedure-by-code cycles through many procedures).</summary>
    public static async Task WritePaths(string databasePath, string directory)
    {
        var scenarios = new CatalogScenarios(databasePath);
        Directory.CreateDirectory(directory);
        await File.WriteAllLinesAsync(Path.Combine(directory, "procedure-by-code.paths"),
            scenarios.keys.Select(key => $"/api/v1/jurisdictions/{key.Jurisdiction}/procedures/{Uri.EscapeDataString(key.Code)}?asOf=2025-12-31"));
        // A request of its own each time (the same procedures, each on 100 dates): none is answered from the response cache.
        await File.WriteAllLinesAsync(Path.Combine(directory, "procedure-by-code-uncached.paths"), Enumerable.Range(0, 100).SelectMany(day => scenarios.keys.Select(key =>
            $"/api/v1/jurisdictions/{key.Jurisdiction}/procedures/{Uri.EscapeDataString(key.Code)}?asOf={new DateOnly(2025, 1, 1).AddDays(day):yyyy-MM-dd}")));
        await File.WriteAllLinesAsync(Path.Combine(directory, "search-list.paths"), [SearchPath]);
        await File.WriteAllLinesAsync(Path.Combine(directory, "reductions-by-agency.paths"), [ReductionsPath]);
        await File.WriteAllLinesAsync(Path.Combine(directory, "scoreboard.paths"), [ScoreboardPath]);
        await File.WriteAllLinesAsync(Path.Combine(directory, "laggards-csv.paths"), [LaggardsPath]);
        await File.WriteAllLinesAsync(Path.Combine(directory, "export-csv.paths"), [ExportPath(scenarios.ExportJurisdiction)]);
    }

    /// <summary>Procedures spread over the whole catalogue (every 97th), the same list the HTTP run asks for.</summary>
    public static IEnumerable<(string Jurisdiction, string Code)> SampleKeys(DbConnection connection) =>
        connection.Query<(string, string)>("SELECT jurisdiction_code, code FROM procedures WHERE id % 97 = 1 ORDER BY id");

    public async Task<object> ProcedureByCode(CancellationToken cancellationToken = default)
    {
        var (jurisdiction, code) = keys[next++ % keys.Length];
        await using var connection = await Open(cancellationToken);
        var row = await ProcedureQueries.FindByCode(connection, jurisdiction, code, cancellationToken)
            ?? throw new InvalidOperationException($"{jurisdiction}/{code} not found");
        return await ProcedureReads.Detail(connection, mapper, row, Dates.AsOf, cancellationToken);
    }

    public async Task<object> SearchList(CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        var filter = new ProcedureFilter { SearchTerms = SearchText.Terms(SearchQuery, ProcedureQueries.MaxSearchTerms) };
        var (rows, total) = await ProcedureQueries.List(connection, Database.Dialect, filter, [("jurisdiction", false), ("code", false)], 1, Paging.DefaultPageSize, Dates.AsOf, cancellationToken);
        return (rows.Select(mapper.Map<ProcedureSummary>).ToList(), total);
    }

    public async Task<object> ReductionsByAgency(CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        await Resolve(connection, cancellationToken);
        var all = new ProcedureFilter();
        await ReportQueries.JurisdictionsWithoutTariff(connection, Database.Dialect, all, Dates, cancellationToken);
        return await GroupReductionQueries.Groups(Open, Database.Dialect, ReductionGroupBy.Agency, all, Dates, Database.Dialect.ReportParts, cancellationToken);
    }

    public async Task<object> Scoreboard(CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        await Resolve(connection, cancellationToken);
        await ReportQueries.JurisdictionsWithoutTariff(connection, Database.Dialect, TargetScope, Dates, cancellationToken);
        // As the endpoint does: the coverage on a connection of its own while the reductions run (each measure on its own too).
        var coverage = CoverageQueries.CoverageOnItsOwnConnection(Open, null, Dates, CoverageQueries.IndicatorsOf(await ReportQueries.TargetsOfYear(connection, Dates.Program, Dates.Year, cancellationToken)), cancellationToken);
        var groups = await GroupReductionQueries.Groups(Open, Database.Dialect, ReductionGroupBy.None, TargetScope, Dates, Database.Dialect.ReportParts, cancellationToken);
        return (groups, await coverage);
    }

    /// <summary>Every laggard at once, as the laggards CSV reads them: one row at a time, on a connection of their own.</summary>
    public async Task<object> LaggardsExport(CancellationToken cancellationToken = default)
    {
        await using (var connection = await Open(cancellationToken))
        {
            await Resolve(connection, cancellationToken);
        }

        var count = 0;
        await foreach (var _ in LaggardQueries.All(Open, Database.Dialect, ReductionMeasure.Time, TargetScope, Dates, cancellationToken))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// The export's own statement (ExportQueries, the one the endpoint streams from) for the largest jurisdiction,
    /// every row read and mapped to its record, as the endpoint does before writing CSV; the jurisdiction check first.
    /// </summary>
    public async Task<object> ExportCsv(CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        await ProcedureCatalog.Api.Jurisdictions.JurisdictionQueries.Find(connection, ExportJurisdiction, cancellationToken);
        var count = 0;
        await foreach (var _ in ProcedureCatalog.Api.Transfers.ExportQueries.Catalogue(connection, Database.Dialect, ExportJurisdiction, Dates.AsOf, cancellationToken))
        {
            count++;
        }

        return count;
    }

    /// <summary>What every report looks up before its query: the program and the year's targets.</summary>
    private static async Task Resolve(DbConnection connection, CancellationToken cancellationToken)
    {
        await TargetQueries.Program(connection, Dates.Program, cancellationToken);
        await ReportQueries.TargetsOfYear(connection, Dates.Program, Dates.Year, cancellationToken);
    }

    public IReadOnlyList<(string Name, Func<CancellationToken, Task<object>> Run)> All =>
    [
        ("procedure-by-code", ProcedureByCode),
        ("search-list", SearchList),
        ("reductions-by-agency", ReductionsByAgency),
        ("scoreboard", Scoreboard),
        ("laggards-csv", LaggardsExport),
        ("export-csv", ExportCsv),
    ];
}
