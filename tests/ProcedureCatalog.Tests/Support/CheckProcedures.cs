using System.Data;
using System.Text;
using System.Text.RegularExpressions;

namespace ProcedureCatalog.Tests.Support;

/// <summary>
/// A statement wrapped as a stored procedure of the schema <c>check</c>, its parameters declared with the types
/// the service binds, so that DacFx compiles it against the model like any procedure of the database.
/// </summary>
public static partial class CheckProcedures
{
    public const string Schema = "CREATE SCHEMA [check];";

    public static string Wrap(string name, RecordedStatement statement) =>
        Declaration(name, statement) + Environment.NewLine + "AS" + Environment.NewLine + statement.Text;

    /// <summary>The procedure's name and parameters: every @Name of the statement that it does not DECLARE itself.</summary>
    public static string Declaration(string name, RecordedStatement statement)
    {
        var declared = Declared().Matches(statement.Text).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var names = Parameter().Matches(statement.Text).Select(match => match.Groups[1].Value)
            .Where(parameter => !declared.Contains(parameter))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var script = new StringBuilder($"CREATE PROCEDURE [check].[{name}]");
        var separator = Environment.NewLine + "    ";
        foreach (var parameter in names)
        {
            var bound = statement.Parameters.FirstOrDefault(candidate => string.Equals(candidate.Name.TrimStart('@'), parameter, StringComparison.OrdinalIgnoreCase));
            script.Append(separator).Append('@').Append(parameter).Append(' ').Append(TypeOf(parameter, bound));
            separator = "," + Environment.NewLine + "    ";
        }

        return script.ToString();
    }

    /// <summary>
    /// The SQL Server type SqlClient sends for a parameter bound as Dapper binds it; by the parameter's name when
    /// nothing was bound (a statement handed out for checks, a script's own), then Unicode text.
    /// </summary>
    public static string TypeOf(string name, RecordedParameter? bound) => bound?.DbType switch
    {
        DbType.Int64 => "BIGINT",
        DbType.Int32 => "INT",
        DbType.Int16 => "SMALLINT",
        DbType.Byte => "TINYINT",
        DbType.Boolean => "BIT",
        DbType.Decimal or DbType.Currency or DbType.VarNumeric => "DECIMAL(38, 8)",
        DbType.Double => "FLOAT",
        DbType.Single => "REAL",
        DbType.Date => "DATE",
        DbType.Time => "TIME",
        DbType.DateTime => "DATETIME",
        DbType.DateTime2 => "DATETIME2(7)",
        DbType.DateTimeOffset => "DATETIMEOFFSET",
        DbType.Guid => "UNIQUEIDENTIFIER",
        DbType.Binary => "VARBINARY(MAX)",
        DbType.AnsiString => Sized("VARCHAR", bound.Size, 8000),
        DbType.AnsiStringFixedLength => Sized("CHAR", bound.Size, 8000),
        DbType.StringFixedLength => Sized("NCHAR", bound.Size, 4000),
        DbType.String => Sized("NVARCHAR", bound.Size, 4000),
        DbType.Object => "SQL_VARIANT",
        _ => ByName(name),
    };

    private static string Sized(string type, int size, int longest) => size is > 0 && size <= longest ? $"{type}({size})" : $"{type}(MAX)";

    private static string ByName(string name) => name switch
    {
        _ when IdOrCount().IsMatch(name) => "BIGINT",
        "Take" or "Skip" or "Year" or "Part" or "Parts" => "INT",
        _ when DateName().IsMatch(name) => "DATE",
        _ when TimeName().IsMatch(name) => "DATETIME2(7)",
        _ => "NVARCHAR(4000)",
    };

    [GeneratedRegex(@"(Id|Version|After)$")]
    private static partial Regex IdOrCount();

    [GeneratedRegex(@"^(AsOf|.*On|.*Date|.*From|.*Until)$")]
    private static partial Regex DateName();

    [GeneratedRegex(@"^(Now|.*At)$")]
    private static partial Regex TimeName();

    [GeneratedRegex(@"(?<![@\w])@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\bDECLARE\s+@([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Declared();
}
