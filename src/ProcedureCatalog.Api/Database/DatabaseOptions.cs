using System.ComponentModel.DataAnnotations;

namespace ProcedureCatalog.Api.Database;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Where the catalogue lives. Bound from the <c>Database</c> section and validated on start.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Falls back to <c>ConnectionStrings:Catalog</c>, then to the embedded default file.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Falls back to <c>ConnectionStrings:CatalogReadOnly</c>: a readable copy of the catalogue (a SQL Server readable secondary)
    /// for reports, lists, exports and the change feed. Absent (the default), every read goes to the catalogue itself.
    /// </summary>
    public string? ReadOnlyConnectionString { get; set; }

    /// <summary>Fill an empty database with the illustrative sample catalogue on start.</summary>
    public bool SeedSampleCatalogue { get; set; } = true;

    /// <summary>Run migrations on start; deployments that migrate separately use the <c>migrate</c> command.</summary>
    public bool MigrateOnStart { get; set; } = true;

    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 30;

    public const string DefaultSqliteConnectionString = "Data Source=data/catalog.db";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Provider))
        {
            yield return new ValidationResult($"Database:Provider must be one of {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.", [nameof(Provider)]);
        }

        if (Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Database:Provider=SqlServer needs ConnectionStrings:Catalog (or Database:ConnectionString).", [nameof(ConnectionString)]);
        }
    }
}
