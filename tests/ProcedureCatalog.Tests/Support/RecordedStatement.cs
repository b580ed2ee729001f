namespace ProcedureCatalog.Tests.Support;

public sealed record RecordedStatement(string Text, IReadOnlyList<RecordedParameter> Parameters, string Origin);
