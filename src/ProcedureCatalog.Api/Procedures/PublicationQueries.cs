using System.Data.Common;
using Dapper;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Procedures;

/// <summary>The published fields of procedures (migration 0015): read for a page of ids, replaced whole.</summary>
internal static class PublicationQueries
{
    private static string Publications(Func<string, string> owned) =>
        $"""
        SELECT pp.procedure_id, pp.result_name, pp.result_form, pp.deciding_agency_id, da.name AS deciding_agency_name,
               pp.implements_id, n.jurisdiction_code AS implements_jurisdiction, n.code AS implements_code, n.name AS implements_name
        FROM procedure_publications pp
        LEFT JOIN agencies da ON da.id = pp.deciding_agency_id
        LEFT JOIN procedures n ON n.id = pp.implements_id
        WHERE {owned("pp.procedure_id")}
        """;

    /// <summary>The lists, one row per item: applicant types, conditions and steps as text, receiving and coordinating agencies by id and name.</summary>
    private static string Items(Func<string, string> owned) =>
        $"""
        SELECT t.procedure_id, t.list, t.position, t.text, CAST(NULL AS INT) AS agency_id, CAST(NULL AS NVARCHAR(300)) AS agency_name
        FROM procedure_texts t
        WHERE {owned("t.procedure_id")}
        UNION ALL
        SELECT r.procedure_id, r.role, r.position, CAST(NULL AS NVARCHAR(2000)), r.agency_id, a.name
        FROM procedure_agency_roles r
        INNER JOIN agencies a ON a.id = r.agency_id
        WHERE {owned("r.procedure_id")}
        UNION ALL
        SELECT y.procedure_id, 'applicant-type', 0, y.applicant_type, CAST(NULL AS INT), CAST(NULL AS NVARCHAR(300))
        FROM procedure_applicant_types y
        WHERE {owned("y.procedure_id")}
        """;

    public static async Task<Dictionary<long, PublishedDetail>> OfProcedures(
        DbConnection connection, IReadOnlyList<long> ids, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        var found = await Read(connection, transaction, column => $"{column} IN @Ids", new { Ids = ids }, cancellationToken);
        return ids.Distinct().ToDictionary(id => id, id => found.GetValueOrDefault(id) ?? PublishedDetail.None);
    }

    /// <summary>What is published of every procedure of a jurisdiction that has anything published (a bulk import's check).</summary>
    public static Task<Dictionary<long, PublishedDetail>> OfJurisdiction(DbConnection connection, DbTransaction? transaction, string jurisdiction, CancellationToken cancellationToken) =>
        Read(connection, transaction, column => $"{column} IN (SELECT id FROM procedures WHERE jurisdiction_code = @Jurisdiction)", new { Jurisdiction = jurisdiction }, cancellationToken);

    /// <summary>The procedures <paramref name="owned"/> keeps (a condition on the column of the procedure's id) that have anything published.</summary>
    private static async Task<Dictionary<long, PublishedDetail>> Read(
        DbConnection connection, DbTransaction? transaction, Func<string, string> owned, object parameters, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<PublicationRow>(new CommandDefinition(Publications(owned), parameters, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(row => row.ProcedureId);
        var items = (await connection.QueryAsync<PublicationItemRow>(new CommandDefinition(Items(owned), parameters, transaction, cancellationToken: cancellationToken)))
            .ToLookup(row => row.ProcedureId);
        var details = new Dictionary<long, PublishedDetail>();
        foreach (var id in rows.Keys.Union(items.Select(group => group.Key)))
        {
            var row = rows.GetValueOrDefault(id);
            var of = items[id].ToLookup(item => item.List);
            IReadOnlyList<string> Texts(string list) => of[list].OrderBy(item => item.Position).Select(item => item.Text!).ToList();
            IReadOnlyList<NamedReference> Agencies(string list) =>
                of[list].OrderBy(item => item.Position).Select(item => new NamedReference(item.AgencyId!.Value, item.AgencyName!)).ToList();
            details[id] = new PublishedDetail(
                of["applicant-type"].Select(item => EnumText<ApplicantType>.Parse(item.Text!)).Order().ToList(),
                row?.ResultName is { } name ? new ProcedureResult(name, row.ResultForm) : null,
                Texts("condition"),
                Texts("step"),
                row?.DecidingAgencyId is { } deciding ? new NamedReference(deciding, row.DecidingAgencyName!) : null,
                Agencies("receiving"),
                Agencies("coordinating"),
                row?.ImplementsId is { } national ? new ImplementedProcedure(national, $"{row.ImplementsJurisdiction}/{row.ImplementsCode}", row.ImplementsName!) : null);
        }

        return details;
    }

    /// <summary>The id of the procedure an implements key names and whether its jurisdiction is central (national); null when there is none.</summary>
    public static Task<(long Id, string Level)?> FindNational(DbConnection connection, DbTransaction? transaction, string jurisdiction, string code, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<(long Id, string Level)?>(new CommandDefinition(
            "SELECT p.id, j.level FROM procedures p INNER JOIN jurisdictions j ON j.code = p.jurisdiction_code WHERE p.jurisdiction_code = @Jurisdiction AND p.code = @Code",
            new { Jurisdiction = jurisdiction, Code = code }, transaction, cancellationToken: cancellationToken));

    /// <summary>Every procedure of the central catalogues by its implements key, for an import that names them by key.</summary>
    public static async Task<Dictionary<string, long>> NationalKeys(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(string Jurisdiction, string Code, long Id)>(new CommandDefinition(
            "SELECT p.jurisdiction_code, p.code, p.id FROM procedures p INNER JOIN jurisdictions j ON j.code = p.jurisdiction_code WHERE j.level = 'central'",
            transaction: transaction, cancellationToken: cancellationToken)))
        .ToDictionary(row => $"{row.Jurisdiction}/{row.Code}", row => row.Id, StringComparer.Ordinal);

    /// <summary>Replaces what is published of a procedure with <paramref name="published"/> (ids resolved, texts as stored).</summary>
    public static async Task Replace(DbConnection connection, DbTransaction transaction, long procedureId, StoredPublication published, CancellationToken cancellationToken)
    {
        var id = new { ProcedureId = procedureId };
        foreach (var table in new[] { "procedure_publications", "procedure_texts", "procedure_agency_roles", "procedure_applicant_types" })
        {
            await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM {table} WHERE procedure_id = @ProcedureId", id, transaction, cancellationToken: cancellationToken));
        }

        if (published.ResultName is not null || published.DecidingAgencyId is not null || published.ImplementsId is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO procedure_publications (procedure_id, result_name, result_form, deciding_agency_id, implements_id)
                VALUES (@ProcedureId, @ResultName, @ResultForm, @DecidingAgencyId, @ImplementsId)
                """,
                new { ProcedureId = procedureId, published.ResultName, published.ResultForm, published.DecidingAgencyId, published.ImplementsId },
                transaction, cancellationToken: cancellationToken));
        }

        var texts = published.Conditions.Select((text, index) => new { ProcedureId = procedureId, List = "condition", Position = index + 1, Text = text })
            .Concat(published.Steps.Select((text, index) => new { ProcedureId = procedureId, List = "step", Position = index + 1, Text = text })).ToList();
        if (texts.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO procedure_texts (procedure_id, list, position, text) VALUES (@ProcedureId, @List, @Position, @Text)", texts, transaction,
                cancellationToken: cancellationToken));
        }

        var roles = published.ReceivingAgencyIds.Select((agency, index) => new { ProcedureId = procedureId, Role = "receiving", Position = index + 1, AgencyId = agency })
            .Concat(published.CoordinatingAgencyIds.Select((agency, index) => new { ProcedureId = procedureId, Role = "coordinating", Position = index + 1, AgencyId = agency }))
            .ToList();
        if (roles.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO procedure_agency_roles (procedure_id, role, position, agency_id) VALUES (@ProcedureId, @Role, @Position, @AgencyId)", roles, transaction,
                cancellationToken: cancellationToken));
        }

        var types = published.ApplicantTypes.Select(type => new { ProcedureId = procedureId, ApplicantType = EnumText.Of(type) }).ToList();
        if (types.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO procedure_applicant_types (procedure_id, applicant_type) VALUES (@ProcedureId, @ApplicantType)", types, transaction,
                cancellationToken: cancellationToken));
        }
    }

    /// <summary>Sets what search looks in when it differs from what is there (see <see cref="ProcedureQueries.SearchTextOf"/>).</summary>
    public static Task SetSearchText(DbConnection connection, DbTransaction transaction, long procedureId, string searchText, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE procedures SET search_text = @SearchText WHERE id = @ProcedureId AND search_text <> @SearchText",
            new { ProcedureId = procedureId, SearchText = searchText }, transaction, cancellationToken: cancellationToken));
}
