using System.Text.Json.Nodes;
using LinkagePortal.Api;
using Microsoft.AspNetCore.Routing.Patterns;

namespace LinkagePortal.OpenData;

/// <summary>
/// The OpenAPI 3.1 document of /api/v1, built from the endpoints the application really maps (EndpointDataSource)
/// and the <see cref="ApiOperation"/> each carries: the parameters it documents are the ones it validates, and the
/// schemas come from the same field lists that write the responses.
/// </summary>
public static class OpenApiDocument
{

    /// <summary>The GET endpoints under /api/v1, by route pattern.</summary>
    public static IEnumerable<RouteEndpoint> ApiEndpoints(EndpointDataSource endpoints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw == ApiRoutes.Prefix || raw.StartsWith(ApiRoutes.Prefix + "/", StringComparison.Ordinal)))
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? false);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/openapi.json", (HttpContext http, EndpointDataSource endpoints) => ApiQuery.Parse(http) is { IsValid: false } query
                ? ApiProblems.BadRequest(query)
                : CatalogDocuments.Json(Build(ApiEndpoints(endpoints), CatalogEndpoints.BaseUrl(http.Request))))
            .WithMetadata(new ApiOperation("接口说明", "本文档：/api/v1 的 OpenAPI 3.1 描述。", ResponseShape.Document, []));

    public static JsonObject Build(IEnumerable<RouteEndpoint> endpoints, string baseUrl)
    {
        var paths = new JsonObject();
        foreach (var endpoint in endpoints.OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal))
        {
            var path = Path(endpoint.RoutePattern);
            var operation = endpoint.Metadata.GetMetadata<ApiOperation>();
            paths[path] = new JsonObject { ["get"] = operation is null ? Undescribed(path) : Operation(path, operation) };
        }

        var schemas = new JsonObject
        {
            ["Problem"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "RFC 9457 problem details；400 时 errors 以参数名为键给出原因。",
                ["properties"] = new JsonObject
                {
                    ["type"] = new JsonObject { ["type"] = "string" },
                    ["title"] = new JsonObject { ["type"] = "string" },
                    ["status"] = new JsonObject { ["type"] = "integer" },
                    ["detail"] = new JsonObject { ["type"] = "string" },
                    ["errors"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                    },
                },
            },
        };
        foreach (var dataset in OpenDatasets.All)
        {
            schemas[SchemaName(dataset.Name)] = ObjectSchema(dataset.Fields.Where(f => f.InJson), dataset.Description);
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "新疆财政衔接推进乡村振兴补助资金 开放数据接口",
                ["version"] = "1",
                ["description"] = "资金分配、项目、公告公示、绩效目标、区划和监督联系方式。字段含义见 " + baseUrl + "/datasets/dictionary。"
                    + "每个列表都有同址加 .csv 的 CSV 版本。响应带 ETag 与 Last-Modified，允许跨域 GET。",
                ["license"] = new JsonObject { ["name"] = OpenDatasets.PortalLicence.Title, ["url"] = OpenDatasets.PortalLicence.Url },
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = baseUrl }),
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    /// <summary>/api/v1/projects/{id}: the pattern as OpenAPI writes it (no constraints or defaults).</summary>
    public static string Path(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    static JsonObject Undescribed(string path) => new()
    {
        ["operationId"] = OperationId(path),
        ["summary"] = path,
        ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "成功" } },
    };

    static JsonObject Operation(string path, ApiOperation operation)
    {
        var parameters = new JsonArray();
        if (operation.PathParameter is { } p)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = p.Name, ["in"] = "path", ["required"] = true, ["description"] = p.Description,
                ["schema"] = new JsonObject { ["type"] = "string" }, ["example"] = p.Example,
            });
        }

        foreach (var q in operation.Query)
        {
            var parameter = new JsonObject { ["name"] = q.Name, ["in"] = "query", ["required"] = false, ["description"] = q.Description, ["schema"] = ParamSchema(q) };
            if (q.Example.Length > 0)
            {
                parameter["example"] = q.Example;
            }

            parameters.Add(parameter);
        }

        var responses = new JsonObject { ["200"] = Success(operation) };
        responses["304"] = new JsonObject { ["description"] = "未改变（If-None-Match 或 If-Modified-Since 匹配）。" };
        if (operation.Query.Count > 0)
        {
            responses["400"] = Problem("参数错误：errors 指出哪个参数、为什么。");
        }

        if (operation.PathParameter is not null)
        {
            responses["404"] = Problem("不存在或尚未公开。");
        }

        responses["429"] = Problem("请求过于频繁：每个客户端（按 IP 地址）对查找、列表和 CSV 导出各有限额（见 README 的“生产环境”一节），超出后按 Retry-After 头给出的秒数等待再试。");
        responses["429"]!["headers"] = new JsonObject { ["Retry-After"] = new JsonObject { ["description"] = "再试之前要等的秒数。", ["schema"] = new JsonObject { ["type"] = "integer" } } };
        responses["503"] = Problem("数据库暂时不可用：按 Retry-After 头给出的秒数等待再试。");

        return new JsonObject
        {
            ["operationId"] = OperationId(path),
            ["summary"] = operation.Summary,
            ["description"] = operation.Description,
            ["parameters"] = parameters,
            ["responses"] = responses,
        };
    }

    static JsonObject Success(ApiOperation operation)
    {
        var headers = new JsonObject
        {
            ["ETag"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } },
            ["Last-Modified"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } },
        };
        var item = operation.Dataset is null ? new JsonObject { ["type"] = "object" } : new JsonObject { ["$ref"] = "#/components/schemas/" + SchemaName(operation.Dataset) };
        switch (operation.Shape)
        {
            case ResponseShape.List:
                headers["Link"] = new JsonObject { ["description"] = "下一页：<url>; rel=\"next\"（最后一页没有）。", ["schema"] = new JsonObject { ["type"] = "string" } };
                return Content("一页结果。", headers, "application/json", new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("total", "items", "next"),
                    ["properties"] = new JsonObject
                    {
                        ["total"] = new JsonObject { ["type"] = new JsonArray("integer", "null"), ["description"] = "匹配的总条数（所有页）；include_total=false 时为 null。" },
                        ["items"] = new JsonObject { ["type"] = "array", ["items"] = item },
                        ["next"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "uri", ["description"] = "下一页地址；最后一页为 null。" },
                    },
                });
            case ResponseShape.Csv:
                var columns = operation.Dataset is { } name && OpenDatasets.Find(name) is { } dataset
                    ? string.Join(",", dataset.Fields.Where(f => f.InCsv).Select(f => f.Name))
                    : "";
                return Content("RFC 4180 CSV，UTF-8（默认带 BOM），CRLF 换行。列：" + columns, headers, "text/csv", new JsonObject { ["type"] = "string" });
            case ResponseShape.Item:
                return Content("一条记录。", headers, "application/json", item);
            default:
                return Content("OpenAPI 文档。", headers, "application/json", new JsonObject { ["type"] = "object" });
        }
    }

    static JsonObject Content(string description, JsonObject headers, string mediaType, JsonObject schema) => new()
    {
        ["description"] = description,
        ["headers"] = headers,
        ["content"] = new JsonObject { [mediaType] = new JsonObject { ["schema"] = schema } },
    };

    static JsonObject Problem(string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Problem" } } },
    };

    static JsonObject ParamSchema(ApiParam param)
    {
        var schema = param.Kind switch
        {
            ParamKind.Integer or ParamKind.Limit => new JsonObject { ["type"] = "integer", ["minimum"] = param.Min, ["maximum"] = param.Max },
            ParamKind.Code => new JsonObject { ["type"] = "string", ["pattern"] = "^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$" },
            ParamKind.Enum or ParamKind.Boolean => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. param.Values.Select(v => (JsonNode)JsonValue.Create(v))]) },
            _ => new JsonObject { ["type"] = "string", ["maxLength"] = param.MaxLength },
        };
        if (param.Default is not null)
        {
            schema["default"] = param.Default;
        }

        return schema;
    }

    static JsonObject ObjectSchema(IEnumerable<ApiField> fields, string description)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var field in fields)
        {
            properties[field.Name] = FieldSchema(field);
            required.Add(field.Name);
        }

        return new JsonObject { ["type"] = "object", ["description"] = description, ["required"] = required, ["properties"] = properties };
    }

    static JsonObject FieldSchema(ApiField field)
    {
        JsonObject schema = field.Type switch
        {
            FieldType.Integer => new() { ["type"] = "integer" },
            FieldType.Decimal => new() { ["type"] = "number" },
            FieldType.Date => new() { ["type"] = "string", ["format"] = "date" },
            FieldType.DateTime => new() { ["type"] = "string", ["format"] = "date-time" },
            FieldType.List => new() { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            FieldType.ObjectList => new() { ["type"] = "array", ["items"] = ObjectSchema(field.SubFields, field.Description) },
            _ => new() { ["type"] = "string" },
        };
        if (field.Nullable)
        {
            schema["type"] = new JsonArray(schema["type"]!.GetValue<string>(), "null");
        }

        if (field.Values.Length > 0)
        {
            schema["enum"] = new JsonArray([.. field.Values.Select(v => (JsonNode)JsonValue.Create(v)), .. field.Nullable ? [(JsonNode?)null] : Array.Empty<JsonNode?>()]);
        }

        schema["description"] = field.Description + (field.NullMeans is null ? "" : $"（null：{field.NullMeans}）") + (field.Unit is null ? "" : $"（单位：{field.Unit}）");
        return schema;
    }

    static string SchemaName(string dataset) => string.Concat(dataset.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    static string OperationId(string path) =>
        string.Concat(path[ApiRoutes.Prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Replace("{", "by-", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal).Replace(".", "-", StringComparison.Ordinal))
            .SelectMany(s => s.Split('-'))
            .Select((w, i) => i == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
}
