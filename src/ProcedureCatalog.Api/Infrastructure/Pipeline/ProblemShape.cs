using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace ProcedureCatalog.Api.Infrastructure.Pipeline;

/// <summary>
/// Gives every problem the same shape, whoever raised it: field names as the client wrote them
/// (camelCase paths such as <c>legalBasis[0].number</c>) and a trace id to quote when asking for help.
/// </summary>
public static partial class ProblemShape
{
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        if (problem is not HttpValidationProblemDetails validation)
        {
            return;
        }

        if (problem.Title == "One or more validation errors occurred.")
        {
            problem.Title = "The request is not valid";
            problem.Detail ??= "See errors: each names the field and what is wrong with it.";
        }

        var renamed = validation.Errors.ToDictionary(
            pair => ClientPath(pair.Key),
            pair => pair.Value.Select(message => ClientWording(message, pair.Key)).ToArray());
        validation.Errors.Clear();
        foreach (var (key, messages) in renamed)
        {
            validation.Errors[key] = messages;
        }
    }

    /// <summary><c>LegalBasis[0].Number</c> becomes <c>legalBasis[0].number</c>; a header's name (If-Match, X-Api-Key) stays as HTTP spells it.</summary>
    public static string ClientPath(string path) =>
        path.Contains('-', StringComparison.Ordinal) ? path : Segment().Replace(path, match => JsonNamingPolicy.CamelCase.ConvertName(match.Value));

    private static string ClientWording(string message, string path)
    {
        var last = path.Split('.', '[').Last();
        return last.Length == 0 ? message : message.Replace($"The {last} field", $"The {JsonNamingPolicy.CamelCase.ConvertName(last)} field", StringComparison.Ordinal)
            .Replace($"{last} must", $"{JsonNamingPolicy.CamelCase.ConvertName(last)} must", StringComparison.Ordinal)
            .Replace($"{last} may", $"{JsonNamingPolicy.CamelCase.ConvertName(last)} may", StringComparison.Ordinal);
    }

    [GeneratedRegex("[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Segment();
}
