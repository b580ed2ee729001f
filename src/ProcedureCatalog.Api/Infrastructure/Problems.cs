using Microsoft.AspNetCore.Http.HttpResults;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>The RFC 9457 answers the API gives, worded once.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what, object key) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: $"{what} not found",
        detail: $"No {what.ToLowerInvariant()} has the key '{key}'.");

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Conflict with the current catalogue",
        detail: detail);

    public static ProblemHttpResult PreconditionFailed(string what, long currentVersion) => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "The resource has changed",
        detail: $"The {what} was changed by someone else (its version is now {currentVersion}). Read it again and re-apply your change.");

    public static ProblemHttpResult PreconditionRequired(string what, string currentETag) => TypedResults.Problem(
        statusCode: StatusCodes.Status428PreconditionRequired,
        title: "If-Match is required",
        detail: $"Changing the {what} needs the ETag you read in an If-Match header (it is {currentETag} now), so that nobody's change is overwritten unseen.");

    public static ProblemHttpResult Unprocessable(IDictionary<string, string[]> errors) => TypedResults.Problem(
        new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The request refers to something that does not fit",
            Detail = "See errors: each names the field and why it cannot be accepted.",
        });

    public static ProblemHttpResult Unprocessable(string field, string message) =>
        Unprocessable(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        title: "The request is not valid",
        detail: "See errors: each names the field and what is wrong with it.");

    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>Collects every problem of a request before answering, so that a client fixes them in one go.</summary>
public sealed class Errors
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);

    public bool Any => byField.Count > 0;

    public Errors Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var messages))
        {
            byField[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public Errors When(bool condition, string field, string message) => condition ? Add(field, message) : this;

    public override string ToString() =>
        string.Join("; ", byField.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}"));

    public Dictionary<string, string[]> ToDictionary() => byField.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
}
