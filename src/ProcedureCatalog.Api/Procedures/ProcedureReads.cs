using System.Data.Common;
using MapsterMapper;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.History;

namespace ProcedureCatalog.Api.Procedures;

internal static class ProcedureReads
{
    /// <summary>A procedure with its parts and the values in force on <paramref name="asOf"/>.</summary>
    public static async Task<ProcedureDetail> Detail(DbConnection connection, IMapper mapper, ProcedureRow row, DateOnly asOf, CancellationToken cancellationToken)
    {
        var legalBasis = await ProcedureQueries.LegalBasis(connection, row.Id, cancellationToken);
        var documents = await DocumentQueries.List(connection, row.Id, cancellationToken);
        var time = await HistoryQueries.TimeInForce(connection, row.Id, asOf, cancellationToken);
        var cost = await HistoryQueries.CostInForce(connection, row.Id, asOf, cancellationToken);
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
