using System.Collections;
using System.Data;
using System.Data.Common;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ProcedureCatalog.Api.Database;

namespace ProcedureCatalog.Tests.Support;

/// <summary>
/// The statements the service sends, found without a list to keep: every non-private static method of the
/// service that is handed a connection is run on a <see cref="RecordingConnection"/> (once with every optional
/// value given, so that each optional condition is written, once with none, and again for each value of an enum
/// argument), and every method that hands out statements for checks (<c>Statements</c>, <c>…Statement</c>) is
/// asked for them. The SQL text compiled into the service is the net under it: a piece that no run sent is
/// checked on its own when it is a whole statement (a method that opens its own connection), and fails the
/// coverage test otherwise, so a statement the runs cannot reach is never silently left out.
/// </summary>
public static partial class InCodeStatements
{
    private static readonly Assembly Service = typeof(SqlDialect).Assembly;

    public sealed record Harvest(IReadOnlyList<RecordedStatement> Statements, IReadOnlyList<string> Notes);

    /// <summary>Everything the service sends in the dialect, each distinct text once (with the binding that names most parameters).</summary>
    public static Harvest Collect(DatabaseProvider provider)
    {
        var dialect = SqlDialect.For(provider);
        var notes = new List<string>();
        var found = new List<RecordedStatement>();
        foreach (var method in MethodsTakingAConnection())
        {
            // Each value of an enum argument (a grouping, a measure) picks its own statement: one run per value,
            // alternately with every optional value given and with none.
            var variants = Math.Max(1, method.GetParameters().Where(parameter => parameter.ParameterType.IsEnum).Select(parameter => Enum.GetValues(parameter.ParameterType).Length).DefaultIfEmpty(0).Max());
            for (var variant = 0; variant < variants * 2; variant++)
            {
                var filled = variant % 2 == 0;
                var connection = new RecordingConnection { Origin = $"{method.DeclaringType!.Name}.{method.Name}" };
                var failure = Run(method, connection, dialect, filled, variant / 2);
                if (failure is not null && connection.Statements.Count == 0)
                {
                    notes.Add($"{connection.Origin} (run {variant + 1}, {(filled ? "values" : "nulls")}): nothing sent, {failure}");
                }

                found.AddRange(connection.Statements);
            }
        }

        foreach (var method in StatementSources())
        {
            var arguments = method.GetParameters().Select(parameter => (object?)dialect).ToArray();
            var result = method.Invoke(null, arguments);
            var texts = result as IEnumerable<string> ?? [(string)result!];
            found.AddRange(texts.Select(text => new RecordedStatement(text, [], $"{method.DeclaringType!.Name}.{method.Name}")));
        }

        var distinct = found.GroupBy(statement => Normalise(statement.Text))
            .Select(group => group.OrderByDescending(statement => statement.Parameters.Count).First())
            .ToList();
        return new Harvest(distinct, notes);
    }

    /// <summary>SQL text compiled into the service, with its whitespace folded; pieces of statements more often than whole ones.</summary>
    public static IReadOnlyList<(string Text, string Method)> SqlTextInTheService()
    {
        var texts = new List<(string, string)>();
        // Generated code (the OpenAPI document's comments) quotes SQL in prose; only the service's own types send it.
        foreach (var type in Service.GetTypes().Where(type => type.FullName!.StartsWith("ProcedureCatalog.", StringComparison.Ordinal)))
        {
            foreach (var method in type.GetMethods(AllDeclared).Cast<MethodBase>().Concat(type.GetConstructors(AllDeclared)))
            {
                foreach (var literal in StringLiterals(method).Where(LooksLikeSql))
                {
                    texts.Add((Normalise(literal), $"{type.FullName}.{method.Name}"));
                }
            }
        }

        return texts.Distinct().ToList();
    }

    /// <summary>
    /// SQL text of the service that no run sent yet is a whole statement by itself (a method that opens its own
    /// connection, such as the health check): checked as it stands.
    /// </summary>
    public static IReadOnlyList<RecordedStatement> WholeStatementsNotSent(IReadOnlyCollection<string> sent) =>
        SqlTextInTheService()
            .Where(piece => !sent.Any(statement => statement.Contains(piece.Text, StringComparison.Ordinal)))
            .Where(piece => StatementStart().IsMatch(piece.Text) && Parses(piece.Text))
            .GroupBy(piece => piece.Text)
            .Select(group => new RecordedStatement(group.Key, [], "text in " + string.Join(", ", group.Select(piece => piece.Method))))
            .ToList();

    private static bool Parses(string text)
    {
        new Microsoft.SqlServer.TransactSql.ScriptDom.TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(text), out var errors);
        return errors.Count == 0;
    }

    [GeneratedRegex(@"^(SELECT|INSERT|UPDATE|DELETE|MERGE|WITH)\b")]
    private static partial Regex StatementStart();

    public static string Normalise(string sql) => Whitespace().Replace(sql, " ").Trim();

    /// <summary>
    /// A sent statement as it was written: Dapper sends <c>IN @Ids</c> as <c>IN (@Ids1, @Ids2)</c>, or as
    /// <c>IN (SELECT @Ids WHERE 1 = 0)</c> for no ids, and the service's text says <c>IN @Ids</c>.
    /// </summary>
    public static string AsWritten(string sql) => ExpandedList().Replace(EmptyList().Replace(Normalise(sql), "@$1"), "@$1");

    [GeneratedRegex(@"\(SELECT @(\w+) WHERE 1 = 0\)")]
    private static partial Regex EmptyList();

    [GeneratedRegex(@"\(@(\w+?)1(?:\s*,\s*@\1\d+)*\)")]
    private static partial Regex ExpandedList();

    // Upper-case keywords that start or join a clause: the service writes SQL in capitals, and messages do not.
    private static bool LooksLikeSql(string text) => SqlKeyword().IsMatch(text);

    [GeneratedRegex(@"\b(SELECT|INSERT INTO|UPDATE|DELETE|FROM|WHERE|JOIN|VALUES|ORDER BY|GROUP BY|MERGE)\b")]
    private static partial Regex SqlKeyword();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private const BindingFlags AllDeclared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    private static IEnumerable<MethodInfo> MethodsTakingAConnection() =>
        Service.GetTypes()
            .Where(type => !type.IsDefined(typeof(CompilerGeneratedAttribute)) && !type.ContainsGenericParameters)
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            // A private method may be handed pieces of SQL (a grouping's columns) that only its callers know; the
            // callers are run instead, and the coverage check tells when one is not reached.
            .Where(method => !method.IsPrivate && !method.ContainsGenericParameters && !method.IsDefined(typeof(CompilerGeneratedAttribute))
                && method.GetParameters().Any(parameter => typeof(DbConnection).IsAssignableFrom(parameter.ParameterType) || parameter.ParameterType == typeof(IDbConnection)))
            .OrderBy(method => method.DeclaringType!.FullName).ThenBy(method => method.ToString());

    private static IEnumerable<MethodInfo> StatementSources() =>
        Service.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => (method.Name == "Statements" && typeof(IEnumerable<string>).IsAssignableFrom(method.ReturnType))
                || (method.Name.EndsWith("Statement", StringComparison.Ordinal) && method.ReturnType == typeof(string)))
            .Where(method => method.GetParameters().All(parameter => parameter.ParameterType == typeof(SqlDialect)));

    private static string? Run(MethodInfo method, RecordingConnection connection, SqlDialect dialect, bool filled, int choice)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            var arguments = method.GetParameters().Select(parameter => parameter.ParameterType.IsEnum
                ? Enum.GetValues(parameter.ParameterType).GetValue(choice % Enum.GetValues(parameter.ParameterType).Length)
                : Sample(parameter.ParameterType, IsNullable(parameter), connection, dialect, filled, timeout.Token, 0)).ToArray();
            var work = Task.Run(async () =>
            {
                var result = method.Invoke(null, arguments);
                if (result is Task task)
                {
                    await task;
                }
                else if (result is IAsyncEnumerable<object> sequence)
                {
                    await foreach (var _ in sequence)
                    {
                    }
                }
                else if (result is IEnumerable enumerable and not string)
                {
                    foreach (var _ in enumerable)
                    {
                    }
                }
            });
            return work.Wait(TimeSpan.FromSeconds(10)) ? null : "timed out";
        }
        catch (Exception exception)
        {
            var inner = exception;
            while (inner is AggregateException or TargetInvocationException && inner.InnerException is not null)
            {
                inner = inner.InnerException;
            }

            return $"{inner.GetType().Name}: {inner.Message}";
        }
    }

    private static bool IsNullable(ParameterInfo parameter) => new NullabilityInfoContext().Create(parameter).ReadState == NullabilityState.Nullable;

    private static bool IsNullable(PropertyInfo property) => new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;

    /// <summary>
    /// A value of the type for a run: the recording connection, the dialect, and plain values elsewhere; in the
    /// run without values, null wherever the service's signature allows it (a missing filter, no ids given).
    /// </summary>
    private static object? Sample(Type type, bool nullable, RecordingConnection connection, SqlDialect dialect, bool filled, CancellationToken cancellation, int depth)
    {
        if (typeof(DbConnection).IsAssignableFrom(type) || type == typeof(IDbConnection))
        {
            return connection;
        }

        if (typeof(DbTransaction).IsAssignableFrom(type) || type == typeof(IDbTransaction))
        {
            return connection.BeginTransaction();
        }

        if (type == typeof(SqlDialect))
        {
            return dialect;
        }

        if (type == typeof(CancellationToken))
        {
            return cancellation;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return filled ? Sample(underlying, false, connection, dialect, filled, cancellation, depth) : null;
        }

        if (!filled && nullable && !type.IsValueType)
        {
            return null;
        }

        if (type == typeof(string))
        {
            return "x";
        }

        // The filled run takes the true branch of a flag (an export with its histories), the other run the false one.
        if (type == typeof(bool))
        {
            return filled;
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }

        if (type.IsPrimitive || type == typeof(decimal))
        {
            return Convert.ChangeType(1, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type == typeof(DateOnly))
        {
            return new DateOnly(2024, 1, 1);
        }

        if (type == typeof(DateTime))
        {
            return new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        }

        if (type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.FromSeconds(1);
        }

        if (type == typeof(Guid))
        {
            return Guid.Empty;
        }

        if (type == typeof(Func<CancellationToken, Task<DbConnection>>))
        {
            return new Func<CancellationToken, Task<DbConnection>>(_ => Task.FromResult<DbConnection>(connection));
        }

        if (type == typeof(Microsoft.AspNetCore.Http.HttpContext))
        {
            return new Microsoft.AspNetCore.Http.DefaultHttpContext { Response = { Body = new MemoryStream() } };
        }

        if (type.IsArray)
        {
            return Array.CreateInstance(type.GetElementType()!, 0);
        }

        if (type.IsGenericType && type.GetGenericArguments().Length == 1
            && type.IsAssignableFrom(typeof(List<>).MakeGenericType(type.GetGenericArguments())))
        {
            // One element when filled, so that a statement written per element (a document, a legal basis) is sent.
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments()))!;
            if (filled)
            {
                list.Add(Sample(type.GetGenericArguments()[0], false, connection, dialect, filled, cancellation, depth + 1));
            }

            return list;
        }

        if (type.IsGenericType && type.GetGenericArguments().Length == 2
            && type.IsAssignableFrom(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments())))
        {
            return Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments()));
        }

        if (type.IsInterface || type.IsAbstract || typeof(Delegate).IsAssignableFrom(type) || depth > 4 || type.Assembly != Service && !type.IsValueType)
        {
            return null;
        }

        // A record or class of the service's own (a filter, an input, a change entry): its widest constructor,
        // then every settable property, so that each optional part of a statement is written.
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(candidate => candidate.GetParameters() is not [{ } only] || only.ParameterType != type)
            .OrderByDescending(candidate => candidate.GetParameters().Length).FirstOrDefault();
        var instance = constructor is null
            ? RuntimeHelpers.GetUninitializedObject(type)
            : constructor.Invoke(constructor.GetParameters().Select(parameter => Sample(parameter.ParameterType, IsNullable(parameter), connection, dialect, filled, cancellation, depth + 1)).ToArray());
        if (filled)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.CanWrite && property.GetIndexParameters().Length == 0))
            {
                if (property.GetValue(instance) is null)
                {
                    property.SetValue(instance, Sample(property.PropertyType, IsNullable(property), connection, dialect, filled, cancellation, depth + 1));
                }
            }
        }

        return instance;
    }

    private static readonly Dictionary<short, OpCode> OpCodes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!).ToDictionary(code => code.Value);

    /// <summary>The strings a method body loads (ldstr); the compiler has already joined constants into them.</summary>
    private static IEnumerable<string> StringLiterals(MethodBase method)
    {
        var body = method.GetMethodBody()?.GetILAsByteArray();
        if (body is null)
        {
            yield break;
        }

        var position = 0;
        while (position < body.Length)
        {
            short value = body[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | body[position++]);
            }

            var code = OpCodes[value];
            if (code == System.Reflection.Emit.OpCodes.Ldstr)
            {
                yield return method.Module.ResolveString(BitConverter.ToInt32(body, position));
            }

            position += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(body, position),
                _ => 4,
            };
        }
    }
}
