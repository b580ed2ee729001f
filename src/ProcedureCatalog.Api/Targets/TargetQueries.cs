using System.Data.Common;
using Dapper;

namespace ProcedureCatalog.Api.Targets;

internal static class TargetQueries
{
    private const string SelectTarget =
        "SELECT program_code, indicator, year, target_pct, judged_on, scope, created_at, updated_at, version FROM program_targets";

    public static Task<IEnumerable<ProgramRow>> Programs(DbConnection connection, CancellationToken cancellationToken) =>
        connection.QueryAsync<ProgramRow>(new CommandDefinition(
            "SELECT code, name, baseline_date FROM reduction_programs ORDER BY code", cancellationToken: cancellationToken));

    public static Task<ProgramRow?> Program(DbConnection connection, string code, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<ProgramRow>(new CommandDefinition(
            "SELECT code, name, baseline_date FROM reduction_programs WHERE code = @Code", new { Code = code }, transaction, cancellationToken: cancellationToken));

    public static Task<IEnumerable<TargetRow>> Targets(DbConnection connection, CancellationToken cancellationToken) =>
        connection.QueryAsync<TargetRow>(new CommandDefinition(
            SelectTarget + " ORDER BY program_code, year, indicator", cancellationToken: cancellationToken));

    public static Task<TargetRow?> Find(DbConnection connection, string program, string indicator, int year, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<TargetRow>(new CommandDefinition(
            SelectTarget + " WHERE program_code = @Program AND indicator = @Indicator AND year = @Year",
            new { Program = program, Indicator = indicator, Year = year }, transaction, cancellationToken: cancellationToken));

    public static Task Insert(DbConnection connection, DbTransaction transaction, string program, string indicator, int year, TargetInput input, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO program_targets (program_code, indicator, year, target_pct, judged_on, scope, created_at, updated_at, version)
            VALUES (@Program, @Indicator, @Year, @TargetPct, @JudgedOn, @Scope, @Now, @Now, 1)
            """,
            new { Program = program, Indicator = indicator, Year = year, input.TargetPct, input.JudgedOn, Scope = input.Scope.Trim(), Now = now },
            transaction, cancellationToken: cancellationToken));

    public static Task<int> Update(DbConnection connection, DbTransaction transaction, string program, string indicator, int year, long expectedVersion, TargetInput input, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE program_targets
            SET target_pct = @TargetPct, judged_on = @JudgedOn, scope = @Scope, updated_at = @Now, version = version + 1
            WHERE program_code = @Program AND indicator = @Indicator AND year = @Year AND version = @ExpectedVersion
            """,
            new { Program = program, Indicator = indicator, Year = year, ExpectedVersion = expectedVersion, input.TargetPct, input.JudgedOn, Scope = input.Scope.Trim(), Now = now },
            transaction, cancellationToken: cancellationToken));
}
