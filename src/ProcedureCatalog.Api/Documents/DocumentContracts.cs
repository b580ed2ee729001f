using System.ComponentModel.DataAnnotations;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Documents;

/// <summary>A required document (thành phần hồ sơ).</summary>
/// <param name="Name">e.g. "Giấy đề nghị đăng ký doanh nghiệp".</param>
/// <param name="TemplateName">Its form (mẫu đơn, tờ khai), e.g. "Phụ lục I-1".</param>
/// <param name="Originals">Number of originals (bản chính).</param>
/// <param name="Copies">Number of copies (bản sao).</param>
/// <param name="CaseNote">When it applies, e.g. "Đối với trường hợp ủy quyền".</param>
/// <param name="ProvidedOnce">The state already holds it: the data is reused, not asked again.</param>
/// <param name="DataSource">Where the reused data comes from, e.g. "Cơ sở dữ liệu quốc gia về dân cư".</param>
public sealed record DocumentInput(
    [property: Required, StringLength(1000, MinimumLength = 1)] string Name,
    [property: StringLength(300)] string? TemplateName,
    [property: Required, Range(0, 100)] int? Originals,
    [property: Required, Range(0, 100)] int? Copies,
    [property: StringLength(1000), MultiLineText] string? CaseNote,
    [property: Required] bool? ProvidedOnce,
    [property: StringLength(300)] string? DataSource);

/// <param name="Position">Its place in the procedure's list, from 1.</param>
public sealed record Document(
    long Id,
    long ProcedureId,
    int Position,
    string Name,
    string? TemplateName,
    int Originals,
    int Copies,
    [property: MultiLineText] string? CaseNote,
    bool ProvidedOnce,
    string? DataSource,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version);

internal sealed record DocumentRow
{
    public long Id { get; init; }
    public long ProcedureId { get; init; }
    public int Position { get; init; }
    public required string Name { get; init; }
    public string? TemplateName { get; init; }
    public int Originals { get; init; }
    public int Copies { get; init; }
    public string? CaseNote { get; init; }
    public bool ProvidedOnce { get; init; }
    public string? DataSource { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public long Version { get; init; }
}

/// <summary>A document as a sync or an import gives it, to be matched against the stored ones by <see cref="DocumentQueries.Sync"/>.</summary>
/// <param name="Name">The document's name.</param>
/// <param name="ProvidedOnce">The state already holds it.</param>
/// <param name="Complete">
/// The record gave every field of the document (JSON objects). A name-only document (a CSV line) matches a stored one by
/// name and keeps its template, copies, case and data source.
/// </param>
public sealed record DocumentValues(
    string Name, bool ProvidedOnce, string? TemplateName = null, int? Originals = null, int? Copies = null, string? CaseNote = null, string? DataSource = null,
    bool Complete = false)
{
    /// <summary>A document of a request body: every field given.</summary>
    public static DocumentValues Of(DocumentInput input) =>
        new(input.Name.Trim(), input.ProvidedOnce!.Value, input.TemplateName, input.Originals, input.Copies, input.CaseNote, input.DataSource, Complete: true);
}
