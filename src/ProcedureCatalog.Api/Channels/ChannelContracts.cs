using System.Collections;
using System.ComponentModel.DataAnnotations;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Api.Channels;

/// <summary>cách thức thực hiện: in person at the one-stop desk (trực tiếp), online on the public service portal (trực tuyến), by public post (dịch vụ bưu chính).</summary>
public enum FilingChannel
{
    InPerson,
    Online,
    Post,
}

/// <summary>A channel a procedure is offered through, as a procedure's body gives it; its time and fee have histories of their own.</summary>
/// <param name="Channel">in-person, online or post; each at most once.</param>
/// <param name="Description">How to file this way, e.g. "Nộp hồ sơ trực tuyến tại Cổng Dịch vụ công quốc gia".</param>
public sealed record ChannelInput(
    [property: Required] FilingChannel? Channel,
    [property: StringLength(ChannelRules.MaxDescription), MultiLineText] string? Description);

/// <summary>A channel of a procedure with its processing time and fee in force on the procedure's asOf.</summary>
/// <param name="Channel">in-person, online or post.</param>
/// <param name="Description">How to file this way.</param>
/// <param name="TimeInForce">This channel's processing time in force; null before its first entry (or without any).</param>
/// <param name="FeeInForce">This channel's fee in force; null before its first entry (or without any).</param>
public sealed record ProcedureChannel(FilingChannel Channel, [property: MultiLineText] string? Description, TimeEntry? TimeInForce, FeeEntry? FeeInForce);

/// <summary>A channel's fee (phí, lệ phí) per filing in force from a date, published by a decision.</summary>
/// <param name="EffectiveFrom">The first day it applies.</param>
/// <param name="FeeVnd">The fee per filing this way, in đồng.</param>
/// <param name="DecisionRef">The decision that published it, e.g. "1085/QĐ-UBND".</param>
public sealed record FeeEntryInput(
    [property: Required, PlausibleDate] DateOnly? EffectiveFrom,
    [property: Required, Range(0L, 1_000_000_000_000L)] long? FeeVnd,
    [property: Required, StringLength(100, MinimumLength = 1)] string DecisionRef);

/// <param name="RecordedAt">When the service recorded it (UTC); breaks ties between entries of the same day.</param>
public sealed record FeeEntry(long Id, DateOnly EffectiveFrom, long FeeVnd, string DecisionRef, DateTime RecordedAt);

public static class ChannelRules
{
    public const int MaxDescription = 2000;
    public const int MaxChannels = 3;
}

/// <summary>No item twice in a list (a channel by its channel, anything else by its value), and no empty item.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class DistinctItemsAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not IEnumerable items)
        {
            return ValidationResult.Success;
        }

        var all = items.Cast<object?>().ToList();
        // A channel without its channel is the Required rule's to name (channels[0].channel).
        var keys = all.OfType<object>().Select(item => item is ChannelInput channel ? channel.Channel : item).OfType<object>().ToList();
        var problem = all.Any(item => item is null) ? $"{validationContext.DisplayName} holds an empty item."
            : keys.Distinct().Count() != keys.Count ? $"{validationContext.DisplayName} holds the same item more than once."
            : null;
        return problem is null ? ValidationResult.Success : new ValidationResult(problem, validationContext.MemberName is { } member ? [member] : null);
    }
}

internal sealed record ChannelRow
{
    public long ProcedureId { get; init; }
    public required string Channel { get; init; }
    public string? Description { get; init; }
}

internal sealed record ChannelTimeEntryRow
{
    public long Id { get; init; }
    public long ProcedureId { get; init; }
    public required string Channel { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public decimal Amount { get; init; }
    public required string Unit { get; init; }
    public required string DecisionRef { get; init; }
    public DateTime RecordedAt { get; init; }
}

internal sealed record ChannelFeeEntryRow
{
    public long Id { get; init; }
    public long ProcedureId { get; init; }
    public required string Channel { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public long FeeVnd { get; init; }
    public required string DecisionRef { get; init; }
    public DateTime RecordedAt { get; init; }
}
