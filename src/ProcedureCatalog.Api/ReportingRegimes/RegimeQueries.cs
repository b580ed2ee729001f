using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Database;
using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.ReportingRegimes;

/// <summary>A filter of the regime list: each condition applies when set.</summary>
internal sealed record RegimeFilter(string? Jurisdiction, long? AgencyId, ReportingFrequency? Frequency, ProcedureStatus? Status);

internal static class RegimeQueries
{
    // The entry in force on @AsOf is the one of the regime's window that holds it (reporting_regime_windows, kept by the
    // triggers of db/*/views/0350_reporting_regimes.sql; ties of the same day already settled): one seek per regime.
    private const string Select =
        """
        SELECT r.id, r.jurisdiction_code, r.name, r.legal_basis, r.agency_id, a.name AS agency_name, r.frequency, r.status, r.abolished_on,
               r.created_at, r.updated_at, r.version,
               h.id AS entry_id, h.electronic AS entry_electronic, h.effective_from AS entry_effective_from, h.decision_ref AS entry_decision_ref,
               h.recorded_at AS entry_recorded_at, h.recorded_by AS entry_recorded_by
        FROM reporting_regimes r
        INNER JOIN agencies a ON a.id = r.agency_id
        LEFT JOIN reporting_regime_windows w ON w.regime_id = r.id AND w.valid_from <= @AsOf AND (w.valid_to IS NULL OR w.valid_to > @AsOf)
        LEFT JOIN reporting_regime_electronic h ON h.id = w.entry_id
        """;

    private const string Where =
        """
         WHERE (@Jurisdiction IS NULL OR r.jurisdiction_code = @Jurisdiction)
           AND (@AgencyId IS NULL OR r.agency_id = @AgencyId)
           AND (@Frequency IS NULL OR r.frequency = @Frequency)
           AND (@Status IS NULL OR r.status = @Status)
        """;

    private const string EntryColumns = "id, regime_id, effective_from, electronic, decision_ref, recorded_at, recorded_by";

    private static DynamicParameters Parameters(RegimeFilter filter, DateOnly asOf)
    {
        var parameters = new DynamicParameters();
        parameters.Add("Jurisdiction", filter.Jurisdiction, System.Data.DbType.String, size: 10);
        parameters.Add("AgencyId", filter.AgencyId, System.Data.DbType.Int64);
        parameters.Add("Frequency", EnumText.Of(filter.Frequency), System.Data.DbType.String, size: 20);
        parameters.Add("Status", EnumText.Of(filter.Status), System.Data.DbType.String, size: 20);
        parameters.Add("AsOf", asOf);
        return parameters;
    }

    public static async Task<(IReadOnlyList<RegimeRow> Rows, long Total)> List(
        DbConnection connection, SqlDialect dialect, RegimeFilter filter, DateOnly asOf, int page, int pageSize, CancellationToken cancellationToken)
    {
        var parameters = Parameters(filter, asOf);
        parameters.Add("Skip", (page - 1) * pageSize);
        parameters.Add("Take", pageSize);
        var rows = await connection.QueryAsync<RegimeRow>(new CommandDefinition(
            dialect.Page(Select + Where + " ORDER BY r.jurisdiction_code, r.name, r.id"), parameters, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM reporting_regimes r" + Where, parameters, cancellationToken: cancellationToken));
        return (rows.ToList(), total);
    }

    /// <summary>Every regime of a jurisdiction, ordered by name, as the export writes them.</summary>
    public static async Task<IReadOnlyList<RegimeRow>> OfJurisdiction(DbConnection connection, string jurisdiction, DateOnly asOf, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<RegimeRow>(new CommandDefinition(
            Select + Where + " ORDER BY r.name, r.id", Parameters(new RegimeFilter(jurisdiction, null, null, null), asOf), transaction, cancellationToken: cancellationToken))).ToList();

    public static Task<RegimeRow?> Find(DbConnection connection, long id, DateOnly asOf, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<RegimeRow>(new CommandDefinition(
            Select + " WHERE r.id = @Id", new { Id = id, AsOf = asOf }, transaction, cancellationToken: cancellationToken));

    /// <summary>The regime of the jurisdiction whose name is the same by TextRules.NameKey (case, Unicode form and spacing aside); compared here, as agencies are.</summary>
    public static async Task<long?> IdOfName(DbConnection connection, DbTransaction transaction, string jurisdiction, string name, CancellationToken cancellationToken)
    {
        var key = TextRules.NameKey(name);
        var names = await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(
            "SELECT id, name FROM reporting_regimes WHERE jurisdiction_code = @Jurisdiction",
            new { Jurisdiction = new DbString { Value = jurisdiction, Length = 10 } }, transaction, cancellationToken: cancellationToken));
        return names.Where(regime => TextRules.NameKey(regime.Name) == key).Select(regime => (long?)regime.Id).FirstOrDefault();
    }

    public static Task<long> Insert(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, string jurisdiction, RegimeDescription description, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO reporting_regimes (jurisdiction_code, name, legal_basis, agency_id, frequency, status, abolished_on, created_at, updated_at, version)
            VALUES (@Jurisdiction, @Name, @LegalBasis, @AgencyId, @Frequency, @Status, @AbolishedOn, @Now, @Now, 1);
            """ + dialect.SelectInsertedId,
            Values(description, new { Jurisdiction = jurisdiction, Now = now }), transaction, cancellationToken: cancellationToken));

    public static Task<int> Update(
        DbConnection connection, DbTransaction transaction, long id, long expectedVersion, RegimeDescription description, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE reporting_regimes
            SET name = @Name, legal_basis = @LegalBasis, agency_id = @AgencyId, frequency = @Frequency, status = @Status, abolished_on = @AbolishedOn,
                updated_at = @Now, version = version + 1
            WHERE id = @Id AND version = @ExpectedVersion
            """,
            Values(description, new { Id = id, ExpectedVersion = expectedVersion, Now = now }), transaction, cancellationToken: cancellationToken));

    private static DynamicParameters Values(RegimeDescription description, object others)
    {
        var parameters = new DynamicParameters(others);
        parameters.Add("Name", description.Name);
        parameters.Add("LegalBasis", description.LegalBasis);
        parameters.Add("AgencyId", description.AgencyId);
        parameters.Add("Frequency", EnumText.Of(description.Frequency));
        parameters.Add("Status", EnumText.Of(description.Status));
        parameters.Add("AbolishedOn", description.AbolishedOn);
        return parameters;
    }

    /// <summary>A part of the regime (an electronic entry) changed: its version moves; returns the new version.</summary>
    public static Task<long> Touch(DbConnection connection, DbTransaction transaction, long id, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "UPDATE reporting_regimes SET version = version + 1, updated_at = @Now WHERE id = @Id; SELECT version FROM reporting_regimes WHERE id = @Id;",
            new { Id = id, Now = now }, transaction, cancellationToken: cancellationToken));

    public static Task<int> Delete(DbConnection connection, DbTransaction transaction, long id, long expectedVersion, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM reporting_regimes WHERE id = @Id AND version = @ExpectedVersion",
            new { Id = id, ExpectedVersion = expectedVersion }, transaction, cancellationToken: cancellationToken));

    public static Task<IEnumerable<ElectronicEntryRow>> Entries(DbConnection connection, long regimeId, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QueryAsync<ElectronicEntryRow>(new CommandDefinition(
            $"SELECT {EntryColumns} FROM reporting_regime_electronic WHERE regime_id = @RegimeId ORDER BY effective_from, recorded_at, id",
            new { RegimeId = regimeId }, transaction, cancellationToken: cancellationToken));

    /// <summary>Every electronic entry of a jurisdiction's regimes, as (regime, effective from, value), for an import to match rows against.</summary>
    public static async Task<HashSet<(long RegimeId, DateOnly EffectiveFrom, bool Electronic)>> EntryKeys(
        DbConnection connection, DbTransaction transaction, string jurisdiction, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(long, DateOnly, bool)>(new CommandDefinition(
            """
            SELECT h.regime_id, h.effective_from, h.electronic
            FROM reporting_regime_electronic h
            INNER JOIN reporting_regimes r ON r.id = h.regime_id
            WHERE r.jurisdiction_code = @Jurisdiction
            """,
            new { Jurisdiction = new DbString { Value = jurisdiction, Length = 10 } }, transaction, cancellationToken: cancellationToken))).ToHashSet();

    public static Task<ElectronicEntryRow?> FindEntry(DbConnection connection, long regimeId, long entryId, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<ElectronicEntryRow>(new CommandDefinition(
            $"SELECT {EntryColumns} FROM reporting_regime_electronic WHERE regime_id = @RegimeId AND id = @EntryId",
            new { RegimeId = regimeId, EntryId = entryId }, transaction, cancellationToken: cancellationToken));

    public static Task<long> AppendEntry(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, long regimeId, bool electronic, DateOnly effectiveFrom, string decisionRef,
        DateTime now, string recordedBy, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO reporting_regime_electronic (regime_id, effective_from, electronic, decision_ref, recorded_at, recorded_by)
            VALUES (@RegimeId, @EffectiveFrom, @Electronic, @DecisionRef, @Now, @RecordedBy);
            """ + dialect.SelectInsertedId,
            new
            {
                RegimeId = regimeId,
                EffectiveFrom = effectiveFrom,
                Electronic = electronic,
                DecisionRef = decisionRef.Trim(),
                Now = now,
                RecordedBy = new DbString { Value = recordedBy, Length = 200 },
            },
            transaction, cancellationToken: cancellationToken));

    public static Task<int> RemoveEntry(DbConnection connection, DbTransaction transaction, long regimeId, long entryId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM reporting_regime_electronic WHERE regime_id = @RegimeId AND id = @EntryId",
            new { RegimeId = regimeId, EntryId = entryId }, transaction, cancellationToken: cancellationToken));

    public static Task<int> CountEntries(DbConnection connection, DbTransaction transaction, long regimeId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM reporting_regime_electronic WHERE regime_id = @RegimeId",
            new { RegimeId = regimeId }, transaction, cancellationToken: cancellationToken));
}
