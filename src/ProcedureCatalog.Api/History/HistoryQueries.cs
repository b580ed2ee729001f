using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.History;

internal static class HistoryQueries
{
    private const string TimeColumns = "id, procedure_id, effective_from, amount, unit, decision_ref, recorded_at";
    private const string CostColumns = "id, procedure_id, effective_from, fee_vnd, other_cost_vnd, applicant_hours, annual_filings, decision_ref, recorded_at";
    private const string HistoryOrder = " ORDER BY effective_from, recorded_at, id";

    // The value in force on a date is the entry of the window that holds it (views time_in_force and cost_in_force,
    // db/*/views/0100_history_windows.sql, where ties of the same day are already settled): one seek.
    private const string InForce = " WHERE w.procedure_id = @ProcedureId AND w.valid_from <= @AsOf AND (w.valid_to IS NULL OR w.valid_to > @AsOf)";

    public static Task<IEnumerable<TimeEntryRow>> TimeEntries(DbConnection connection, long procedureId, CancellationToken cancellationToken) =>
        connection.QueryAsync<TimeEntryRow>(new CommandDefinition(
            $"SELECT {TimeColumns} FROM time_history WHERE procedure_id = @ProcedureId{HistoryOrder}",
            new { ProcedureId = procedureId }, cancellationToken: cancellationToken));

    public static Task<IEnumerable<CostEntryRow>> CostEntries(DbConnection connection, long procedureId, CancellationToken cancellationToken) =>
        connection.QueryAsync<CostEntryRow>(new CommandDefinition(
            $"SELECT {CostColumns} FROM cost_history WHERE procedure_id = @ProcedureId{HistoryOrder}",
            new { ProcedureId = procedureId }, cancellationToken: cancellationToken));

    /// <summary>The time entry in force on @AsOf of procedure @ProcedureId (also one statement of a procedure's detail, ProcedureReads).</summary>
    internal const string TimeInForceStatement =
        "SELECT h.id, h.procedure_id, h.effective_from, h.amount, h.unit, h.decision_ref, h.recorded_at FROM time_in_force w INNER JOIN time_history h ON h.id = w.entry_id" + InForce;

    /// <summary>The cost entry in force on @AsOf of procedure @ProcedureId.</summary>
    internal const string CostInForceStatement =
        "SELECT h.id, h.procedure_id, h.effective_from, h.fee_vnd, h.other_cost_vnd, h.applicant_hours, h.annual_filings, h.decision_ref, h.recorded_at FROM cost_in_force w INNER JOIN cost_history h ON h.id = w.entry_id" + InForce;

    public static Task<TimeEntryRow?> TimeInForce(DbConnection connection, long procedureId, DateOnly asOf, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<TimeEntryRow>(new CommandDefinition(
            TimeInForceStatement, new { ProcedureId = procedureId, AsOf = asOf }, cancellationToken: cancellationToken));

    public static Task<CostEntryRow?> CostInForce(DbConnection connection, long procedureId, DateOnly asOf, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<CostEntryRow>(new CommandDefinition(
            CostInForceStatement, new { ProcedureId = procedureId, AsOf = asOf }, cancellationToken: cancellationToken));

    public static Task<TimeEntryRow?> FindTimeEntry(DbConnection connection, long procedureId, long entryId, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<TimeEntryRow>(new CommandDefinition(
            $"SELECT {TimeColumns} FROM time_history WHERE procedure_id = @ProcedureId AND id = @EntryId",
            new { ProcedureId = procedureId, EntryId = entryId }, transaction, cancellationToken: cancellationToken));

    public static Task<CostEntryRow?> FindCostEntry(DbConnection connection, long procedureId, long entryId, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<CostEntryRow>(new CommandDefinition(
            $"SELECT {CostColumns} FROM cost_history WHERE procedure_id = @ProcedureId AND id = @EntryId",
            new { ProcedureId = procedureId, EntryId = entryId }, transaction, cancellationToken: cancellationToken));

    public static Task<long> AppendTime(DbConnection connection, DbTransaction transaction, SqlDialect dialect, long procedureId, TimeEntryInput input, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO time_history (procedure_id, effective_from, amount, unit, decision_ref, recorded_at)
            VALUES (@ProcedureId, @EffectiveFrom, @Amount, @Unit, @DecisionRef, @Now);
            """ + dialect.SelectInsertedId,
            new
            {
                ProcedureId = procedureId,
                EffectiveFrom = input.EffectiveFrom!.Value,
                Amount = input.Amount!.Value,
                Unit = EnumText.Of(input.Unit!.Value),
                DecisionRef = input.DecisionRef.Trim(),
                Now = now,
            },
            transaction, cancellationToken: cancellationToken));

    public static Task<long> AppendCost(DbConnection connection, DbTransaction transaction, SqlDialect dialect, long procedureId, CostEntryInput input, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO cost_history (procedure_id, effective_from, fee_vnd, other_cost_vnd, applicant_hours, annual_filings, decision_ref, recorded_at)
            VALUES (@ProcedureId, @EffectiveFrom, @FeeVnd, @OtherCostVnd, @ApplicantHours, @AnnualFilings, @DecisionRef, @Now);
            """ + dialect.SelectInsertedId,
            new
            {
                ProcedureId = procedureId,
                EffectiveFrom = input.EffectiveFrom!.Value,
                FeeVnd = input.FeeVnd!.Value,
                OtherCostVnd = input.OtherCostVnd!.Value,
                ApplicantHours = input.ApplicantHours!.Value,
                input.AnnualFilings,
                DecisionRef = input.DecisionRef.Trim(),
                Now = now,
            },
            transaction, cancellationToken: cancellationToken));

    public static Task<int> RemoveTime(DbConnection connection, DbTransaction transaction, long procedureId, long entryId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM time_history WHERE procedure_id = @ProcedureId AND id = @EntryId",
            new { ProcedureId = procedureId, EntryId = entryId }, transaction, cancellationToken: cancellationToken));

    public static Task<int> RemoveCost(DbConnection connection, DbTransaction transaction, long procedureId, long entryId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM cost_history WHERE procedure_id = @ProcedureId AND id = @EntryId",
            new { ProcedureId = procedureId, EntryId = entryId }, transaction, cancellationToken: cancellationToken));

    public static Task<int> CountFor(DbConnection connection, DbTransaction transaction, long procedureId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT (SELECT COUNT(*) FROM time_history WHERE procedure_id = @ProcedureId) + (SELECT COUNT(*) FROM cost_history WHERE procedure_id = @ProcedureId)",
            new { ProcedureId = procedureId }, transaction, cancellationToken: cancellationToken));
}
