using System.ComponentModel.DataAnnotations;

namespace ProcedureCatalog.Api.Fields;

/// <summary>A field (lĩnh vực): the sector a procedure belongs to, shared by all jurisdictions.</summary>
/// <param name="Name">e.g. "Đăng ký kinh doanh", "Xây dựng".</param>
public sealed record FieldInput(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name);

public sealed record Field(long Id, string Name, DateTime CreatedAt, DateTime UpdatedAt, long Version);

internal sealed record FieldRow
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public long Version { get; init; }
}
