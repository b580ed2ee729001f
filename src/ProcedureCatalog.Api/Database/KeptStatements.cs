using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ProcedureCatalog.Api.Database;

/// <summary>
/// The statements a write sends once per procedure it creates or changes, kept prepared on their SQLite connection while it
/// is open. SQLite compiles the triggers a statement fires into the statement each time it is prepared, and the triggers
/// that derive a procedure's rows (views/0100, migration 0012) are large: a batch of an import prepares each of these once
/// instead of once per procedure. On SQL Server they go through Dapper as any other statement (the server keeps its plans).
/// The methods take the transaction, whose connection runs the statement (the statement checks run their callers, which
/// name the SQL). Parameters are the public properties of an object, as with Dapper, or a dictionary of names and values.
/// </summary>
internal static class KeptStatements
{
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, SqliteCommand>> Kept = new();

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>Runs a statement in <paramref name="transaction"/> (on its connection: the statement is kept for the connection).</summary>
    public static Task<int> ExecuteAsync(DbTransaction transaction, string sql, object parameters, CancellationToken cancellationToken) =>
        transaction.Connection is SqliteConnection sqlite
            ? Command(sqlite, transaction, sql, parameters).ExecuteNonQueryAsync(cancellationToken)
            : transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, ForDapper(parameters), transaction, cancellationToken: cancellationToken));

    /// <summary>The first column of the first row a statement gives, run as <see cref="ExecuteAsync"/>.</summary>
    public static async Task<long> ScalarAsync(DbTransaction transaction, string sql, object parameters, CancellationToken cancellationToken) =>
        transaction.Connection is SqliteConnection sqlite
            ? Convert.ToInt64(await Command(sqlite, transaction, sql, parameters).ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture)
            : await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(sql, ForDapper(parameters), transaction, cancellationToken: cancellationToken));

    private static object ForDapper(object parameters) =>
        parameters is IReadOnlyDictionary<string, object?> named ? new DynamicParameters(named) : parameters;

    private static SqliteCommand Command(SqliteConnection connection, DbTransaction transaction, string sql, object parameters)
    {
        var commands = Kept.GetValue(connection, Watch);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            commands[sql] = command;
        }

        command.Transaction = (SqliteTransaction)transaction;
        command.Parameters.Clear();
        if (parameters is IReadOnlyDictionary<string, object?> named)
        {
            foreach (var (name, value) in named)
            {
                command.Parameters.AddWithValue("@" + name, value ?? DBNull.Value);
            }
        }
        else
        {
            foreach (var property in Properties.GetOrAdd(parameters.GetType(), type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)))
            {
                command.Parameters.AddWithValue("@" + property.Name, property.GetValue(parameters) ?? DBNull.Value);
            }
        }

        return command;
    }

    /// <summary>The commands of a connection are finalised when it closes (its handle goes back to the pool without them).</summary>
    private static Dictionary<string, SqliteCommand> Watch(DbConnection connection)
    {
        var commands = new Dictionary<string, SqliteCommand>(StringComparer.Ordinal);
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState == System.Data.ConnectionState.Closed)
            {
                foreach (var command in commands.Values)
                {
                    command.Dispose();
                }

                commands.Clear();
            }
        };
        return commands;
    }
}
