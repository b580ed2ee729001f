using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Transfers;

/// <summary>A jurisdiction's catalogue as <see cref="CatalogueRecord"/>s, read row by row from one query.</summary>
internal static partial class ExportQueries
{
    /// <remarks>
    /// Everything in force on @AsOf is in the procedure's window that holds it (procedure_windows, db/*/views/0100_history_windows.sql):
    /// one index seek per procedure, then the time and cost entries by their ids. The documents in force then (with their
    /// marks then, document_windows) become one text, a line each, in order (<see cref="SqlDialect.LinesOf"/>).
    /// </remarks>
    private static string Query(SqlDialect dialect) =>
        $"""
        SELECT p.id, p.code, p.name, p.level, w.kind, w.business_related, w.online_level, w.full_online_eligible, w.boundary_free, w.technical_regulation,
               f.name AS field, a.name AS agency, w.last_reviewed_on, p.status, p.abolished_on,
               t.effective_from AS time_effective_from, t.amount AS time_amount, t.unit AS time_unit, t.decision_ref AS time_decision_ref,
               c.effective_from AS cost_effective_from, c.fee_vnd, c.other_cost_vnd, c.applicant_hours, c.annual_filings, c.decision_ref AS cost_decision_ref,
               {dialect.LinesOf("CASE WHEN dw.provided_once = 1 THEN '* ' ELSE '' END", "d.name",
                   "documents d INNER JOIN document_windows dw ON dw.document_id = d.id AND dw.valid_from <= @AsOf AND (dw.valid_to IS NULL OR dw.valid_to > @AsOf) WHERE d.procedure_id = p.id",
                   "d.position, d.id")} AS documents,
               {PartColumns(dialect)}
        FROM procedures p
        INNER JOIN fields f ON f.id = p.field_id
        INNER JOIN agencies a ON a.id = p.agency_id
        INNER JOIN procedure_windows w ON w.procedure_id = p.id AND w.valid_from <= @AsOf AND (w.valid_to IS NULL OR w.valid_to > @AsOf)
        LEFT JOIN time_history t ON t.id = w.time_entry_id
        LEFT JOIN cost_history c ON c.id = w.cost_entry_id
        {PartJoins}
        WHERE p.jurisdiction_code = @Jurisdiction
        ORDER BY p.code
        """;

    internal static IEnumerable<string> Statements() => [Query(SqlDialect.For(DatabaseProvider.SqlServer))];

    public static async IAsyncEnumerable<CatalogueRecord> Catalogue(
        DbConnection connection, SqlDialect dialect, string jurisdiction, DateOnly asOf,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var rows = connection.QueryUnbufferedAsync<ExportRow>(Query(dialect), new { Jurisdiction = jurisdiction, AsOf = asOf });
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row.ToRecord();
        }
    }

    /// <summary>The same rows read synchronously, for writers that cannot write asynchronously (the XLSX writer, into a file).</summary>
    public static IEnumerable<CatalogueRecord> CatalogueNow(DbConnection connection, SqlDialect dialect, string jurisdiction, DateOnly asOf) =>
        connection.Query<ExportRow>(Query(dialect), new { Jurisdiction = jurisdiction, AsOf = asOf }, buffered: false).Select(row => row.ToRecord());

    /// <summary>
    /// The catalogue with every field the API holds: each page of procedures is completed with its documents, legal basis
    /// and (when asked) its histories, read for the page's ids, so that memory holds one page whatever the catalogue's size.
    /// </summary>
    public static async IAsyncEnumerable<CatalogueRecord> FullCatalogue(
        DbConnection connection, DbConnection details, SqlDialect dialect, string jurisdiction, DateOnly asOf, bool history,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var page = new List<(long Id, CatalogueRecord Record)>(PageSize);
        var rows = connection.QueryUnbufferedAsync<ExportRow>(Query(dialect), new { Jurisdiction = jurisdiction, AsOf = asOf });
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            page.Add((row.Id, row.ToRecord()));
            if (page.Count == PageSize)
            {
                foreach (var record in await Complete(details, page, asOf, history, cancellationToken))
                {
                    yield return record;
                }

                page.Clear();
            }
        }

        foreach (var record in await Complete(details, page, asOf, history, cancellationToken))
        {
            yield return record;
        }
    }

    private const int PageSize = 500;

    private const string TimesOfPage =
        "SELECT id, procedure_id, effective_from, amount, unit, decision_ref, recorded_at FROM time_history WHERE procedure_id IN @Ids ORDER BY procedure_id, effective_from, recorded_at, id";

    private const string CostsOfPage =
        "SELECT id, procedure_id, effective_from, fee_vnd, other_cost_vnd, applicant_hours, annual_filings, decision_ref, recorded_at FROM cost_history "
        + "WHERE procedure_id IN @Ids ORDER BY procedure_id, effective_from, recorded_at, id";

    private static async Task<IEnumerable<CatalogueRecord>> Complete(
        DbConnection connection, List<(long Id, CatalogueRecord Record)> page, DateOnly asOf, bool history, CancellationToken cancellationToken)
    {
        if (page.Count == 0)
        {
            return [];
        }

        var details = await DetailsOfPage(connection, page.Select(entry => entry.Id).ToList(), asOf, history, cancellationToken);
        var (channelTimes, channelFees) = history ? await Channels.ChannelQueries.EntriesOf(connection, page.Select(entry => entry.Id).ToList(), cancellationToken) : ([], []);
        var (timesOf, feesOf) = history ? (channelTimes.ToLookup(row => row.ProcedureId), channelFees.ToLookup(row => row.ProcedureId)) : (null, null);
        return page.Select(entry => entry.Record with
        {
            Documents = details.Documents[entry.Id].Select(row => new DocumentValues(
                row.Name, row.ProvidedOnce, row.TemplateName, row.Originals, row.Copies, row.CaseNote, row.DataSource, Complete: true)).ToList(),
            LegalBasis = details.LegalBasis[entry.Id].Select(row => new LegalBasisEntry(row.Number, row.Title, row.IssuedOn, row.Issuer)).ToList(),
            TimeHistory = details.Times?[entry.Id].Select(row => new TimeEntryInput(row.EffectiveFrom, row.Amount, EnumText<TimeUnit>.Parse(row.Unit), row.DecisionRef)).ToList(),
            CostHistory = details.Costs?[entry.Id].Select(row => new CostEntryInput(
                row.EffectiveFrom, row.FeeVnd, row.OtherCostVnd, row.ApplicantHours, row.AnnualFilings, row.DecisionRef)).ToList(),
            Channels = WithHistories(entry.Record.Channels, entry.Id, timesOf, feesOf),
        }).ToList();
    }

    internal sealed record PageDetails(
        ILookup<long, Documents.DocumentRow> Documents, ILookup<long, LegalBasisRow> LegalBasis, ILookup<long, TimeEntryRow>? Times, ILookup<long, CostEntryRow>? Costs);

    /// <summary>The documents, legal basis and (when asked) histories of a page of procedures, four reads whatever the page holds.</summary>
    internal static async Task<PageDetails> DetailsOfPage(DbConnection connection, IReadOnlyList<long> procedureIds, DateOnly asOf, bool history, CancellationToken cancellationToken)
    {
        var ids = new { Ids = procedureIds };
        // The documents in force on @AsOf, each with its mark then.
        var documents = (await connection.QueryAsync<Documents.DocumentRow>(new CommandDefinition(
                "SELECT d.id, d.procedure_id, d.position, d.name, d.template_name, d.originals, d.copies, d.case_note, dw.provided_once, d.data_source, d.created_at, d.updated_at, d.version "
                + "FROM documents d INNER JOIN document_windows dw ON dw.document_id = d.id AND dw.valid_from <= @AsOf AND (dw.valid_to IS NULL OR dw.valid_to > @AsOf) "
                + "WHERE d.procedure_id IN @Ids ORDER BY d.procedure_id, d.position, d.id", new { Ids = procedureIds, AsOf = asOf }, cancellationToken: cancellationToken)))
            .ToLookup(row => row.ProcedureId);
        var legalBasis = (await connection.QueryAsync<LegalBasisRow>(new CommandDefinition(
                "SELECT procedure_id, number, title, issued_on, issuer FROM legal_basis WHERE procedure_id IN @Ids ORDER BY procedure_id, position",
                ids, cancellationToken: cancellationToken)))
            .ToLookup(row => row.ProcedureId);
        if (!history)
        {
            return new PageDetails(documents, legalBasis, null, null);
        }

        var times = (await connection.QueryAsync<TimeEntryRow>(new CommandDefinition(TimesOfPage, ids, cancellationToken: cancellationToken))).ToLookup(row => row.ProcedureId);
        var costs = (await connection.QueryAsync<CostEntryRow>(new CommandDefinition(CostsOfPage, ids, cancellationToken: cancellationToken))).ToLookup(row => row.ProcedureId);
        return new PageDetails(documents, legalBasis, times, costs);
    }

    private sealed partial record ExportRow
    {
        public long Id { get; init; }
        public required string Code { get; init; }
        public required string Name { get; init; }
        public required string Level { get; init; }
        public required string Kind { get; init; }
        public bool BusinessRelated { get; init; }
        public required string OnlineLevel { get; init; }
        public bool FullOnlineEligible { get; init; }
        public bool BoundaryFree { get; init; }
        public bool TechnicalRegulation { get; init; }
        public required string Field { get; init; }
        public required string Agency { get; init; }
        public DateOnly? LastReviewedOn { get; init; }
        public required string Status { get; init; }
        public DateOnly? AbolishedOn { get; init; }
        public DateOnly? TimeEffectiveFrom { get; init; }
        public decimal? TimeAmount { get; init; }
        public string? TimeUnit { get; init; }
        public string? TimeDecisionRef { get; init; }
        public DateOnly? CostEffectiveFrom { get; init; }
        public long? FeeVnd { get; init; }
        public long? OtherCostVnd { get; init; }
        public decimal? ApplicantHours { get; init; }
        public long? AnnualFilings { get; init; }
        public string? CostDecisionRef { get; init; }
        public string? Documents { get; init; }

        public CatalogueRecord ToRecord() => WithParts(new(
            Code, Name, EnumText<ProcedureLevel>.Parse(Level), EnumText<ProcedureKind>.Parse(Kind), BusinessRelated, EnumText<OnlineLevel>.Parse(OnlineLevel),
            FullOnlineEligible, BoundaryFree, Field, Agency, LastReviewedOn, EnumText<ProcedureStatus>.Parse(Status), AbolishedOn,
            TimeEffectiveFrom, TimeAmount, TimeUnit is null ? null : EnumText<TimeUnit>.Parse(TimeUnit), TimeDecisionRef,
            CostEffectiveFrom, FeeVnd, OtherCostVnd, ApplicantHours, AnnualFilings, CostDecisionRef,
            (Documents ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.StartsWith(CatalogueRecord.ProvidedOnceMark, StringComparison.Ordinal)
                    ? new DocumentValues(line[CatalogueRecord.ProvidedOnceMark.Length..], true)
                    : new DocumentValues(line, false))
                .ToList())
        {
            TechnicalRegulation = TechnicalRegulation,
        });
    }
}
