using System.Data.Common;
using Dapper;
using MapsterMapper;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.History;

namespace ProcedureCatalog.Api.Procedures;

internal static class ProcedureReads
{
    /// <summary>
    /// The parts of a procedure's detail, sent as one batch of four statements: one command and one round trip instead of
    /// four (each statement is the one its own query class sends alone).
    /// </summary>
    private const string Parts = ProcedureQueries.LegalBasisOf + ";\n" + DocumentQueries.OfProcedure + ";\n"
        + HistoryQueries.TimeInForceStatement + ";\n" + HistoryQueries.CostInForceStatement + ";";

    /// <summary>A procedure with its parts and the values in force on <paramref name="asOf"/>.</summary>
    public static async Task<ProcedureDetail> Detail(DbConnection connection, IMapper mapper, ProcedureRow row, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var parts = await connection.QueryMultipleAsync(new CommandDefinition(
            Parts, new { ProcedureId = row.Id, AsOf = asOf }, cancellationToken: cancellationToken));
        var legalBasis = await parts.ReadAsync<LegalBasisRow>();
        var documents = await parts.ReadAsync<DocumentRow>();
        var time = await parts.ReadSingleOrDefaultAsync<TimeEntryRow>();
        var cost = await parts.ReadSingleOrDefaultAsync<CostEntryRow>();
        return mapper.Map<ProcedureDetail>(row) with
        {
            LegalBasis = legalBasis.Select(mapper.Map<LegalBasisEntry>).ToList(),
            Documents = documents.Select(mapper.Map<Document>).ToList(),
            AsOf = asOf,
            TimeInForce = time is null ? null : mapper.Map<TimeEntry>(time),
            CostInForce = cost is null ? null : mapper.Map<CostEntry>(cost),
        };
    }
}
