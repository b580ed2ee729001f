using System.Collections;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace ProcedureCatalog.Tests.Support;

/// <summary>
/// A connection that answers every command with nothing (no rows, no scalar, no rows affected) and keeps the
/// text and the bound parameters, so that the service's queries can be run without a database to see exactly
/// what they would send.
/// </summary>
public sealed class RecordingConnection : DbConnection
{
    public List<RecordedStatement> Statements { get; } = [];

    public string Origin { get; set; } = string.Empty;

    [AllowNull]
    public override string ConnectionString { get; set; } = string.Empty;

    public override string Database => "recording";

    public override string DataSource => "recording";

    public override string ServerVersion => "16.0";

    public override ConnectionState State => ConnectionState.Open;

    public override void ChangeDatabase(string databaseName)
    {
    }

    public override void Close()
    {
    }

    public override void Open()
    {
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new RecordingTransaction(this, isolationLevel);

    protected override DbCommand CreateDbCommand() => new RecordingCommand(this);

    internal void Record(DbCommand command) =>
        Statements.Add(new RecordedStatement(
            command.CommandText,
            command.Parameters.Cast<RecordingParameter>().Select(parameter => new RecordedParameter(parameter.ParameterName, parameter.TypeSet ? parameter.DbType : null, parameter.Size, parameter.Value)).ToList(),
            Origin));

    private sealed class RecordingTransaction(RecordingConnection connection, IsolationLevel isolationLevel) : DbTransaction
    {
        public override IsolationLevel IsolationLevel => isolationLevel;

        protected override DbConnection DbConnection => connection;

        public override void Commit()
        {
        }

        public override void Rollback()
        {
        }
    }

    private sealed class RecordingCommand(RecordingConnection connection) : DbCommand
    {
        private readonly RecordingParameters parameters = new();

        [AllowNull]
        public override string CommandText { get; set; } = string.Empty;

        public override int CommandTimeout { get; set; }

        public override CommandType CommandType { get; set; } = CommandType.Text;

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection { get; set; } = connection;

        protected override DbParameterCollection DbParameterCollection => parameters;

        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel()
        {
        }

        public override int ExecuteNonQuery()
        {
            connection.Record(this);
            return 0;
        }

        public override object? ExecuteScalar()
        {
            connection.Record(this);
            return null;
        }

        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => new RecordingParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            connection.Record(this);
            return new DataTable().CreateDataReader();
        }
    }

    internal sealed class RecordingParameter : DbParameter
    {
        private DbType dbType = DbType.String;

        public bool TypeSet { get; private set; }

        public override DbType DbType
        {
            get => dbType;
            set
            {
                dbType = value;
                TypeSet = true;
            }
        }

        public override ParameterDirection Direction { get; set; } = ParameterDirection.Input;

        public override bool IsNullable { get; set; }

        [AllowNull]
        public override string ParameterName { get; set; } = string.Empty;

        public override int Size { get; set; }

        [AllowNull]
        public override string SourceColumn { get; set; } = string.Empty;

        public override bool SourceColumnNullMapping { get; set; }

        public override object? Value { get; set; }

        public override void ResetDbType()
        {
            dbType = DbType.String;
            TypeSet = false;
        }
    }

    private sealed class RecordingParameters : DbParameterCollection
    {
        private readonly List<DbParameter> items = [];

        public override int Count => items.Count;

        public override object SyncRoot => items;

        public override int Add(object value)
        {
            items.Add((DbParameter)value);
            return items.Count - 1;
        }

        public override void AddRange(Array values)
        {
            foreach (var value in values)
            {
                Add(value!);
            }
        }

        public override void Clear() => items.Clear();

        public override bool Contains(object value) => items.Contains((DbParameter)value);

        public override bool Contains(string value) => IndexOf(value) >= 0;

        public override void CopyTo(Array array, int index) => ((ICollection)items).CopyTo(array, index);

        public override IEnumerator GetEnumerator() => items.GetEnumerator();

        public override int IndexOf(object value) => items.IndexOf((DbParameter)value);

        public override int IndexOf(string parameterName) => items.FindIndex(item => item.ParameterName == parameterName);

        public override void Insert(int index, object value) => items.Insert(index, (DbParameter)value);

        public override void Remove(object value) => items.Remove((DbParameter)value);

        public override void RemoveAt(int index) => items.RemoveAt(index);

        public override void RemoveAt(string parameterName) => items.RemoveAt(IndexOf(parameterName));

        protected override DbParameter GetParameter(int index) => items[index];

        protected override DbParameter GetParameter(string parameterName) => items[IndexOf(parameterName)];

        protected override void SetParameter(int index, DbParameter value) => items[index] = value;

        protected override void SetParameter(string parameterName, DbParameter value) => items[IndexOf(parameterName)] = value;
    }
}
