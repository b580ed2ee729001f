using System.ComponentModel.DataAnnotations;
using ProcedureCatalog.Api.Jurisdictions;

namespace ProcedureCatalog.Api.Agencies;

/// <summary>A performing agency (cơ quan thực hiện) of one jurisdiction.</summary>
/// <param name="Jurisdiction">The jurisdiction it belongs to; it cannot move later.</param>
/// <param name="Name">e.g. "Sở Tài chính tỉnh Điện Biên", "UBND xã Mường Phăng". Unique within the jurisdiction.</param>
public sealed record AgencyCreate(
    [property: Required, RegularExpression(Jurisdiction.CodePattern, ErrorMessage = Jurisdiction.CodeRule)] string Jurisdiction,
    [property: Required, StringLength(300, MinimumLength = 1)] string Name);

/// <param name="Name">The agency's new name, unique within its jurisdiction.</param>
public sealed record AgencyUpdate(
    [property: Required, StringLength(300, MinimumLength = 1)] string Name);

public sealed record Agency(long Id, string Jurisdiction, string Name, DateTime CreatedAt, DateTime UpdatedAt, long Version);

internal sealed record AgencyRow
{
    public long Id { get; init; }
    public required string JurisdictionCode { get; init; }
    public required string Name { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public long Version { get; init; }
}
