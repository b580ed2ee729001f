using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace ProcedureCatalog.Api.Infrastructure.Pipeline;

/// <summary>
/// Turns what the framework rejects before a handler runs (malformed JSON, a value of the wrong type, an
/// unknown enum value, an unbindable route or query value, an oversized body) into a problem response
/// that names the field.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var status = badRequest.StatusCode;
        var details = status == StatusCodes.Status413PayloadTooLarge
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = status,
                Title = "The request body is too large",
                Detail = badRequest.Message,
            }
            : new HttpValidationProblemDetails(Describe(badRequest))
            {
                Status = status,
                Title = "The request is not valid",
                Detail = "See errors: each names the field and what is wrong with it.",
            };

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = details,
            Exception = exception,
        });
    }

    private static Dictionary<string, string[]> Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is TextRules.TextRuleException text)
        {
            // Raised once the object holding the text is read: its path names the object, the member is the field.
            var holder = FieldOf(text.Path);
            return new Dictionary<string, string[]> { [holder == "body" ? text.Member : $"{holder}.{text.Member}"] = [text.Message] };
        }

        if (exception.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            return new Dictionary<string, string[]> { [field] = [Explain(json)] };
        }

        var parameter = ParameterName().Match(exception.Message);
        return parameter.Success
            ? new Dictionary<string, string[]> { [parameter.Groups["name"].Value] = [$"'{parameter.Groups["value"].Value}' is not a valid value for this parameter."] }
            : new Dictionary<string, string[]> { ["request"] = [exception.Message] };
    }

    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$', '.');

    private static string Explain(JsonException exception)
    {
        if (exception.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            var unknown = QuotedName().Match(exception.Message);
            return $"Unknown field{(unknown.Success ? $" '{unknown.Groups["name"].Value}'" : string.Empty)}: it is not part of this request. Names are case-sensitive, "
                + "spelt as the OpenAPI document spells them (camelCase); ids, versions and timestamps are set by the service.";
        }

        // The message names the .NET type; the client only needs the member it sent twice.
        if (exception.Message.StartsWith("Duplicate property", StringComparison.Ordinal) || exception.Message.Contains("Duplicate", StringComparison.Ordinal))
        {
            var duplicate = QuotedName().Match(exception.Message);
            var name = duplicate.Success ? duplicate.Groups["name"].Value : exception.Path?.Split('.', '[').LastOrDefault()?.TrimEnd(']');
            return $"The member '{name}' appears more than once in this object; send each member once.";
        }

        if (exception.Path is null or "$")
        {
            return "The body must be one JSON object, shaped as the OpenAPI document describes.";
        }

        var target = TargetType().Match(exception.Message);
        if (!target.Success)
        {
            return exception.Path is null ? "The body is not valid JSON." : "The value is not valid JSON here.";
        }

        var named = typeof(BadRequestExceptionHandler).Assembly.GetType(target.Groups["type"].Value);
        var field = exception.Path?.Split('.', '[').LastOrDefault()?.TrimEnd(']');
        var type = Nullable.GetUnderlyingType(named ?? typeof(object)) ?? named;
        if (type is not null && type.Namespace?.StartsWith("ProcedureCatalog", StringComparison.Ordinal) == true && !type.IsEnum && field is not null)
        {
            // The message names the object that holds the bad value; the field's own type says what was expected.
            type = PropertyType(type, field, depth: 0) ?? type;
        }

        if (type is { IsEnum: true })
        {
            return $"Not an allowed value; use one of: {string.Join(", ", EnumText.AllowedValues(type))}.";
        }

        return type?.FullName switch
        {
            "System.DateOnly" => "Not a valid date; use YYYY-MM-DD.",
            "System.DateTime" => "Not a valid date and time; use ISO 8601.",
            "System.Boolean" => "Not a boolean; use true or false.",
            "System.String" => "Not a string.",
            "System.Int32" or "System.Int64" => "Not a whole number in the allowed range.",
            "System.Decimal" => "Not a number in the allowed range.",
            _ => "The value has the wrong type for this field.",
        };
    }

    private static Type? PropertyType(Type container, string jsonName, int depth)
    {
        if (depth > 3)
        {
            return null;
        }

        foreach (var property in container.GetProperties())
        {
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (string.Equals(property.Name, jsonName, StringComparison.OrdinalIgnoreCase))
            {
                return propertyType;
            }

            var element = propertyType.IsGenericType ? propertyType.GetGenericArguments()[0] : propertyType;
            if (element.Namespace?.StartsWith("ProcedureCatalog", StringComparison.Ordinal) == true && element.IsClass
                && PropertyType(element, jsonName, depth + 1) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    [GeneratedRegex(@"could not be converted to (System\.Nullable`1\[)?(?<type>[\w.+]+?)\]?\. ")]
    private static partial Regex TargetType();

    [GeneratedRegex("property '(?<name>[^']*)'")]
    private static partial Regex QuotedName();

    [GeneratedRegex("Failed to bind parameter \"[^\"]*? (?<name>\\w+)\" from \"(?<value>[^\"]*)\"")]
    private static partial Regex ParameterName();
}
