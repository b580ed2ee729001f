using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Api.Attributes;

/// <summary>From the rows of the dated histories to the API's entries: an attribute's value into the member named after it.</summary>
internal static class AttributeMappings
{
    public static AttributeEntry ToContract(AttributeEntryRow row)
    {
        var attribute = EnumText<DatedAttribute>.Parse(row.Attribute);
        bool? Flag(DatedAttribute of) => attribute == of ? row.Value == "true" : null;
        return new AttributeEntry(
            row.Id, attribute, row.EffectiveFrom, row.DecisionRef, DateTime.SpecifyKind(row.RecordedAt, DateTimeKind.Utc), row.RecordedBy,
            attribute == DatedAttribute.Kind ? EnumText<ProcedureKind>.Parse(row.Value) : null,
            Flag(DatedAttribute.BusinessRelated),
            attribute == DatedAttribute.OnlineLevel ? EnumText<OnlineLevel>.Parse(row.Value) : null,
            Flag(DatedAttribute.FullOnlineEligible),
            Flag(DatedAttribute.BoundaryFree),
            Flag(DatedAttribute.TechnicalRegulation));
    }

    public static ProvidedOnceEntry ToContract(ProvidedOnceEntryRow row) => new(
        row.Id, row.DocumentId, row.ProvidedOnce, row.EffectiveFrom, row.DecisionRef, DateTime.SpecifyKind(row.RecordedAt, DateTimeKind.Utc), row.RecordedBy);

    public static Review ToContract(ReviewRow row) => new(
        row.Id, row.ReviewedOn, row.DecisionRef, row.Note, DateTime.SpecifyKind(row.RecordedAt, DateTimeKind.Utc), row.RecordedBy);

    /// <summary>The attributes a change sets, each with its value as stored.</summary>
    public static IReadOnlyList<(DatedAttribute Attribute, string Value)> ValuesOf(AttributeChange change)
    {
        var values = new List<(DatedAttribute, string)>();
        void Add(DatedAttribute attribute, string? value)
        {
            if (value is not null)
            {
                values.Add((attribute, value));
            }
        }

        Add(DatedAttribute.Kind, EnumText.Of(change.Kind));
        Add(DatedAttribute.BusinessRelated, change.BusinessRelated is { } businessRelated ? DatedValues.Flag(businessRelated) : null);
        Add(DatedAttribute.OnlineLevel, EnumText.Of(change.OnlineLevel));
        Add(DatedAttribute.FullOnlineEligible, change.FullOnlineEligible is { } eligible ? DatedValues.Flag(eligible) : null);
        Add(DatedAttribute.BoundaryFree, change.BoundaryFree is { } boundaryFree ? DatedValues.Flag(boundaryFree) : null);
        Add(DatedAttribute.TechnicalRegulation, change.TechnicalRegulation is { } technical ? DatedValues.Flag(technical) : null);
        return values;
    }
}
