using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ProcedureCatalog.Api.Generator;

/// <summary>
/// One INSERT with an explicit column list, built and prepared once and executed for every row with new
/// parameter values: millions of rows cost one statement compilation per table, not one per row.
/// </summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly DbCommand command;
    private readonly DbParameter[] parameters;

    public PreparedInsert(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, string selectInsertedId = "")
    {
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(column => "@" + column))});{selectInsertedId}";
        parameters = new DbParameter[columns.Count];
        for (var index = 0; index < columns.Count; index++)
        {
            parameters[index] = command.CreateParameter();
            parameters[index].ParameterName = "@" + columns[index];
            command.Parameters.Add(parameters[index]);
        }

        // SqlClient can only prepare parameters with explicit sizes; it caches the plan of a repeated
        // parameterised statement anyway. SQLite gains from compiling the statement once up front.
        if (connection is SqliteConnection)
        {
            command.Prepare();
        }
    }

    public void Insert(params object?[] values)
    {
        Bind(values);
        command.ExecuteNonQuery();
    }

    /// <summary>Inserts and returns the new identity (the command ends with the dialect's SelectInsertedId).</summary>
    public long InsertReturningId(params object?[] values)
    {
        Bind(values);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Bind(object?[] values)
    {
        for (var index = 0; index < parameters.Length; index++)
        {
            parameters[index].Value = values[index] ?? DBNull.Value;
        }
    }

    public void Dispose() => command.Dispose();
}
