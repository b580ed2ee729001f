using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.Transfers;

namespace ProcedureCatalog.Api.ReportingRegimes;

/// <summary>
/// One reporting regime as a flat row, the same columns in CSV, XLSX and JSON, for export and import, so that an export
/// imports back unchanged. The agency is named; electronic, electronicFrom and electronicDecisionRef are the entry in force
/// on the export's asOf (empty before the first), or on import an entry to add unless the history already has it.
/// </summary>
/// <param name="Name">Unique within the jurisdiction; an import finds the regime by it (case, Unicode form and spacing aside).</param>
/// <param name="LegalBasis">The legal document that sets it.</param>
/// <param name="Agency">The name of the agency the reports go to, of the jurisdiction.</param>
/// <param name="Frequency">monthly, quarterly, half-yearly, yearly or ad-hoc.</param>
/// <param name="Status">active or abolished.</param>
/// <param name="AbolishedOn">When abolished.</param>
/// <param name="Electronic">Whether its reports are electronic; empty: no entry.</param>
/// <param name="ElectronicFrom">The entry's first day; on import, empty means the day of the import (and the entry is added only when the value in force then differs).</param>
/// <param name="ElectronicDecisionRef">The entry's decision; required with electronic.</param>
public sealed record RegimeRecord(
    string Name,
    string LegalBasis,
    string Agency,
    ReportingFrequency Frequency,
    ProcedureStatus Status,
    DateOnly? AbolishedOn,
    bool? Electronic,
    DateOnly? ElectronicFrom,
    string? ElectronicDecisionRef)
{
    public static readonly IReadOnlyList<string> Columns =
        ["name", "legalBasis", "agency", "frequency", "status", "abolishedOn", "electronic", "electronicFrom", "electronicDecisionRef"];

    /// <summary>The columns a file must have.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns = ["name", "legalBasis", "agency", "frequency"];

    internal static readonly ImportColumns Known = new(Columns, new HashSet<string>(StringComparer.Ordinal));

    /// <summary>The columns of the CSV and XLSX export, headed with the names the import reads.</summary>
    internal static readonly IReadOnlyList<CsvColumn<RegimeRecord>> Table =
    [
        new("name", record => record.Name),
        new("legalBasis", record => record.LegalBasis),
        new("agency", record => record.Agency),
        new("frequency", record => EnumText.Of(record.Frequency)),
        new("status", record => EnumText.Of(record.Status)),
        new("abolishedOn", record => record.AbolishedOn),
        new("electronic", record => record.Electronic),
        new("electronicFrom", record => record.ElectronicFrom),
        new("electronicDecisionRef", record => record.ElectronicDecisionRef),
    ];

    internal static RegimeRecord Of(RegimeRow row) => new(
        row.Name, row.LegalBasis, row.AgencyName, EnumText<ReportingFrequency>.Parse(row.Frequency), EnumText<ProcedureStatus>.Parse(row.Status), row.AbolishedOn,
        row.EntryElectronic, row.EntryEffectiveFrom, row.EntryDecisionRef);

    /// <summary>
    /// Reads a row of text values by column name; every problem of the row is added to <paramref name="errors"/>, and the record
    /// read is returned all the same (empty or default where a cell is bad), so that its agency and name can still be checked.
    /// </summary>
    internal static RegimeRecord Parse(IReadOnlyDictionary<string, string?> values, Errors errors)
    {
        var cells = new RecordCells(values, errors);
        var record = new RegimeRecord(
            cells.Required("name", RegimeRules.MaxName),
            cells.Required("legalBasis", RegimeRules.MaxLegalBasis),
            cells.Required("agency", 300),
            cells.Enum<ReportingFrequency>("frequency"),
            cells.Enum("status", (ProcedureStatus?)ProcedureStatus.Active),
            cells.Date("abolishedOn"),
            cells.Text("electronic") is null ? null : cells.Flag("electronic"),
            cells.Date("electronicFrom"),
            cells.Text("electronicDecisionRef"));
        RegimeDescription.CheckStatus(record.Status, record.AbolishedOn, errors);
        errors.When(record.Electronic is not null && record.ElectronicDecisionRef is null, "electronicDecisionRef",
            "An electronic entry needs the decision that published it (electronicDecisionRef).");
        errors.When(record.Electronic is null && (record.ElectronicFrom is not null || record.ElectronicDecisionRef is not null), "electronic",
            "electronicFrom and electronicDecisionRef go with electronic (true or false, có or không).");
        errors.When(record.ElectronicDecisionRef is { Length: > 100 }, "electronicDecisionRef", "electronicDecisionRef may have at most 100 characters.");
        return record;
    }
}
