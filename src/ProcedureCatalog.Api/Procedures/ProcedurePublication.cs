using System.ComponentModel.DataAnnotations;
using ProcedureCatalog.Api.Channels;

namespace ProcedureCatalog.Api.Procedures;

/// <summary>
/// đối tượng thực hiện: who may file, as the national database lists them (Công dân Việt Nam, Người Việt Nam định cư ở nước
/// ngoài, Người nước ngoài, Cán bộ, công chức, viên chức, Doanh nghiệp, Doanh nghiệp có vốn đầu tư nước ngoài, Tổ chức (không
/// bao gồm doanh nghiệp, HTX), Tổ chức nước ngoài, Hợp tác xã).
/// </summary>
public enum ApplicantType
{
    Citizens,
    OverseasVietnamese,
    Foreigners,
    PublicServants,
    Businesses,
    ForeignInvestedBusinesses,
    Organisations,
    ForeignOrganisations,
    Cooperatives,
}

/// <summary>kết quả: the paper or licence the procedure issues.</summary>
/// <param name="Name">e.g. "Giấy chứng nhận đăng ký doanh nghiệp".</param>
/// <param name="Form">Its form, when one is prescribed, e.g. "Mẫu số 01".</param>
public sealed record ProcedureResult(
    [property: Required, StringLength(1000, MinimumLength = 1)] string Name,
    [property: StringLength(300)] string? Form);

/// <summary>
/// What the national database publishes of a procedure besides its documents and its channels. Sent whole: a member left
/// out is empty (no result, no conditions, no agency); leaving out published altogether keeps what is stored.
/// </summary>
/// <param name="ApplicantTypes">Who may file (đối tượng thực hiện), each at most once.</param>
/// <param name="Result">The result issued (kết quả).</param>
/// <param name="Conditions">The conditions (yêu cầu, điều kiện), one line each, in order.</param>
/// <param name="Steps">The steps (trình tự thực hiện), one line each, in order.</param>
/// <param name="DecidingAgencyId">The agency that decides (cơ quan có thẩm quyền quyết định), of the procedure's jurisdiction.</param>
/// <param name="ReceivingAgencyIds">The agencies that receive the filing (cơ quan tiếp nhận), of the procedure's jurisdiction.</param>
/// <param name="CoordinatingAgencyIds">The agencies that coordinate (cơ quan phối hợp), of the procedure's jurisdiction.</param>
/// <param name="Implements">The national procedure a local one implements, as jurisdiction/code of a central catalogue, e.g. "VN/1.001612".</param>
public sealed record PublishedInput(
    [property: MaxLength(PublicationRules.MaxApplicantTypes), DistinctItems] IReadOnlyList<ApplicantType>? ApplicantTypes,
    ProcedureResult? Result,
    [property: MaxLength(PublicationRules.MaxTexts), TextItems] IReadOnlyList<string>? Conditions,
    [property: MaxLength(PublicationRules.MaxTexts), TextItems] IReadOnlyList<string>? Steps,
    [property: Range(1, int.MaxValue)] long? DecidingAgencyId,
    [property: MaxLength(PublicationRules.MaxAgencies), DistinctItems] IReadOnlyList<long>? ReceivingAgencyIds,
    [property: MaxLength(PublicationRules.MaxAgencies), DistinctItems] IReadOnlyList<long>? CoordinatingAgencyIds,
    [property: RegularExpression(PublicationRules.ImplementsPattern, ErrorMessage = PublicationRules.ImplementsRule)] string? Implements);

/// <summary>The national procedure a local one implements.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Key">jurisdiction/code, e.g. "VN/1.001612".</param>
/// <param name="Name">Its name.</param>
public sealed record ImplementedProcedure(long Id, string Key, string Name);

/// <summary>What is published of a procedure besides its documents and channels; lists are empty and the rest null when nothing is recorded.</summary>
public sealed record PublishedDetail(
    IReadOnlyList<ApplicantType> ApplicantTypes,
    ProcedureResult? Result,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<string> Steps,
    NamedReference? DecidingAgency,
    IReadOnlyList<NamedReference> ReceivingAgencies,
    IReadOnlyList<NamedReference> CoordinatingAgencies,
    ImplementedProcedure? Implements)
{
    public static readonly PublishedDetail None = new([], null, [], [], null, [], [], null);
}

public static class PublicationRules
{
    public const int MaxApplicantTypes = 9;
    public const int MaxTexts = 50;
    public const int MaxTextLength = 2000;
    public const int MaxAgencies = 20;
    public const string ImplementsPattern = "^(VN|[0-9]{2})/[A-Za-z0-9._-]{1,40}$";
    public const string ImplementsRule = "implements is jurisdiction/code of a national procedure, e.g. VN/1.001612.";

    /// <summary>The jurisdiction and code of an implements key, once it matched <see cref="ImplementsPattern"/>.</summary>
    public static (string Jurisdiction, string Code) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }
}

/// <summary>Every item of a list of texts is one line of at most <see cref="PublicationRules.MaxTextLength"/> characters, not blank, by <see cref="Infrastructure.TextRules"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TextItemsAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var index = 0;
        foreach (var item in value as IEnumerable<string?> ?? [])
        {
            index++;
            var name = $"Item {index} of {validationContext.DisplayName}";
            var problem = string.IsNullOrWhiteSpace(item) ? $"{name} is empty."
                : item.Trim().Length > PublicationRules.MaxTextLength ? $"{name} has more than {PublicationRules.MaxTextLength} characters."
                : Infrastructure.TextRules.Problem(name, item);
            if (problem is not null)
            {
                return new ValidationResult(problem, validationContext.MemberName is { } member ? [member] : null);
            }
        }

        return ValidationResult.Success;
    }
}

/// <summary>What a procedure's body says beside its description: its channels and what is published; null leaves what is stored.</summary>
public interface IProcedureParts
{
    IReadOnlyList<ChannelInput>? Channels { get; }

    PublishedInput? Published { get; }
}

internal sealed record PublicationRow
{
    public long ProcedureId { get; init; }
    public string? ResultName { get; init; }
    public string? ResultForm { get; init; }
    public long? DecidingAgencyId { get; init; }
    public string? DecidingAgencyName { get; init; }
    public long? ImplementsId { get; init; }
    public string? ImplementsJurisdiction { get; init; }
    public string? ImplementsCode { get; init; }
    public string? ImplementsName { get; init; }
}

internal sealed record PublicationItemRow
{
    public long ProcedureId { get; init; }
    public required string List { get; init; }
    public int Position { get; init; }
    public string? Text { get; init; }
    public long? AgencyId { get; init; }
    public string? AgencyName { get; init; }
}
