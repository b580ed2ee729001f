using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace ProcedureCatalog.Tests.Support;

public sealed record RecordedStatement(string Text, IReadOnlyList<RecordedParameter> Parameters, string Origin);
