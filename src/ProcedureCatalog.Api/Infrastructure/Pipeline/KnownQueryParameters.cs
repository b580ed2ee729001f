using System.Reflection;

namespace ProcedureCatalog.Api.Infrastructure.Pipeline;

/// <summary>
/// A query parameter the operation does not take is refused (400) instead of ignored: a misspelt filter
/// (<c>?jurisdicton=92</c>) would otherwise silently answer for the whole country.
/// </summary>
public static class KnownQueryParameters
{
    public static EndpointFilterDelegate Refuse(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var known = Names(context.MethodInfo);
        return async invocation =>
        {
            var unknown = invocation.HttpContext.Request.Query.Keys.Where(name => !known.Contains(name)).ToList();
            if (unknown.Count == 0)
            {
                return await next(invocation);
            }

            var takes = known.Count == 0 ? "it takes none" : $"it takes {string.Join(", ", known.Order(StringComparer.Ordinal))}";
            return Problems.Invalid(unknown.ToDictionary(name => name, name => new[] { $"'{name}' is not a query parameter of this operation; {takes}." }));
        };
    }

    /// <summary>Every operation refuses unknown query parameters, so every operation documents 400.</summary>
    public static void Document(EndpointBuilder builder) =>
        ProblemMetadata.AddIfMissing(builder, StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));

    private static HashSet<string> Names(MethodInfo method)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.CanWrite && IsSimple(property.PropertyType)))
                {
                    names.Add(JsonCamel(property.Name));
                }
            }
            else if (IsSimple(parameter.ParameterType) && parameter.Name is { } name)
            {
                names.Add(parameter.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>()?.Name ?? name);
            }
        }

        return names;
    }

    private static string JsonCamel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    private static bool IsSimple(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(DateOnly) || underlying == typeof(DateTime) || underlying == typeof(Guid);
    }
}
