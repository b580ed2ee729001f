using System.Data.Common;
using Dapper;
using MapsterMapper;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.History;

namespace ProcedureCatalog.Api.Procedures;

internal static class ProcedureReads
{
    /// <summary>
    /// The parts of a procedure's detail, sent as one batch of five statements: one command and one round trip instead of
    /// five (each statement is the one its own query class sends alone).
    /// </summary>
    private const string Parts = ProcedureQueries.LegalBasisOf + ";\n" + DocumentQueries.OfProcedure + ";\n"
        + Attributes.AttributeQueries.ProvidedOnceOnStatement + ";\n"
        + HistoryQueries.TimeInForceStatement + ";\n" + HistoryQueries.CostInForceStatement + ";";

    /// <summary>A procedure (<paramref name="row"/> read on <paramref name="asOf"/>) with its parts and the values in force on that date.</summary>
    public static async Task<ProcedureDetail> Detail(DbConnection connection, IMapper mapper, ProcedureRow row, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var parts = await connection.QueryMultipleAsync(new CommandDefinition(
            Parts, new { ProcedureId = row.Id, AsOf = asOf }, cancellationToken: cancellationToken));
        var legalBasis = await parts.ReadAsync<LegalBasisRow>();
        var allDocuments = await parts.ReadAsync<DocumentRow>();
        // The documents in force on asOf, each with its mark then.
        var marks = (await parts.ReadAsync<(long DocumentId, bool ProvidedOnce)>()).ToDictionary(mark => mark.DocumentId, mark => mark.ProvidedOnce);
        var documents = allDocuments.Where(document => marks.ContainsKey(document.Id)).Select(document => document with { ProvidedOnce = marks[document.Id] });
        var time = await parts.ReadSingleOrDefaultAsync<TimeEntryRow>();
        var cost = await parts.ReadSingleOrDefaultAsync<CostEntryRow>();
        return await ProcedureParts.Read(connection, mapper, mapper.Map<ProcedureDetail>(row) with
        {
            LegalBasis = legalBasis.Select(mapper.Map<LegalBasisEntry>).ToList(),
            Documents = documents.Select(mapper.Map<Document>).ToList(),
            AsOf = asOf,
            TimeInForce = time is null ? null : mapper.Map<TimeEntry>(time),
            CostInForce = cost is null ? null : mapper.Map<CostEntry>(cost),
        }, cancellationToken);
    }
}
