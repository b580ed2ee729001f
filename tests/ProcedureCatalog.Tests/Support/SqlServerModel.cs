using Microsoft.SqlServer.Dac.Model;

namespace ProcedureCatalog.Tests.Support;

/// <summary>
/// A DacFx model of the deployed SQL Server schema: SQL Server's own compiler resolves every name and type in
/// the views, triggers and any statement added, without a server.
/// </summary>
public sealed class SqlServerModel : IDisposable
{
    private SqlServerModel(TSqlModel model, SqlServerSchemaScripts schema)
    {
        Model = model;
        Schema = schema;
    }

    public TSqlModel Model { get; }

    public SqlServerSchemaScripts Schema { get; }

    public static SqlServerModel Build(SqlServerSchemaScripts schema)
    {
        var model = new TSqlModel(SqlServerVersion.Sql160, new TSqlModelOptions());
        foreach (var item in schema.Objects)
        {
            model.AddOrUpdateObjects(item.Text, item.SourceName, new TSqlObjectOptions());
        }

        return new SqlServerModel(model, schema);
    }

    public void Add(string script, string sourceName) => Model.AddOrUpdateObjects(script, sourceName, new TSqlObjectOptions());

    /// <summary>Every error and warning of the whole model.</summary>
    public IReadOnlyList<DacModelMessage> Problems() => Model.Validate().ToList();

    public static string Describe(DacModelMessage message) => $"{message.MessageType} {message.Prefix}{message.Number}: {message.Message}";

    public void Dispose() => Model.Dispose();
}
