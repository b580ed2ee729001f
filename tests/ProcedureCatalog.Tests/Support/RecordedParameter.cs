using System.Data;

namespace ProcedureCatalog.Tests.Support;

/// <summary>A parameter as Dapper bound it: its type is the one the driver would send.</summary>
public sealed record RecordedParameter(string Name, DbType? DbType, int Size, object? Value);
