using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinkagePortal.Api;

namespace LinkagePortal.OpenData;

/// <summary>Machine-readable descriptions of the datasets: Frictionless datapackage.json and a DCAT catalog in JSON-LD.</summary>
public static class CatalogDocuments
{
    public static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static IResult Json(JsonNode node, string contentType = "application/json; charset=utf-8") =>
        Results.Text(node.ToJsonString(Output), contentType);

    /// <summary>A Tabular Data Package (Frictionless v1) whose one resource is the dataset's CSV without BOM.</summary>
    public static JsonObject DataPackage(OpenDataset dataset, DatasetFacts facts, string baseUrl)
    {
        var csv = baseUrl + dataset.ListPath + ".csv" + (dataset.WholeQuery.Length == 0 ? "?" : dataset.WholeQuery + "&") + "bom=false";
        var schema = new JsonObject
        {
            ["fields"] = new JsonArray([.. dataset.Fields.Where(f => f.InCsv).Select(f => (JsonNode)TableField(f))]),
            ["missingValues"] = new JsonArray(""),
        };
        if (dataset.PrimaryKey.Length > 0)
        {
            schema["primaryKey"] = new JsonArray([.. dataset.PrimaryKey.Select(k => (JsonNode)JsonValue.Create(k))]);
        }

        return new JsonObject
        {
            ["profile"] = "tabular-data-package",
            ["name"] = "xinjiang-linkage-funds-" + dataset.Name,
            ["title"] = "新疆财政衔接推进乡村振兴补助资金：" + dataset.Title,
            ["description"] = dataset.Description,
            ["homepage"] = baseUrl + "/datasets",
            ["version"] = facts.LastChanged.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["licenses"] = new JsonArray(new JsonObject { ["name"] = dataset.Licence.Id, ["title"] = dataset.Licence.Title, ["path"] = dataset.Licence.Url }),
            ["sources"] = new JsonArray([.. Sources(facts, baseUrl)]),
            ["resources"] = new JsonArray(new JsonObject
            {
                ["profile"] = "tabular-data-resource",
                ["name"] = dataset.Name,
                ["path"] = csv,
                ["format"] = "csv",
                ["mediatype"] = "text/csv",
                ["encoding"] = "utf-8",
                ["dialect"] = new JsonObject
                {
                    ["delimiter"] = ",",
                    ["lineTerminator"] = "\r\n",
                    ["quoteChar"] = "\"",
                    ["doubleQuote"] = true,
                    ["header"] = true,
                },
                ["schema"] = schema,
            }),
        };
    }

    static JsonObject TableField(ApiField field)
    {
        var (type, format) = field.Type switch
        {
            FieldType.Integer => ("integer", null),
            FieldType.Decimal => ("number", null),
            FieldType.Date => ("date", null),
            FieldType.DateTime => ("datetime", "any"),
            _ => ("string", (string?)null),
        };
        var result = new JsonObject { ["name"] = field.Name, ["type"] = type, ["description"] = field.Description };
        if (format is not null)
        {
            result["format"] = format;
        }

        // A list may be empty (a project with no village matched, no fund document public yet): never required.
        var constraints = new JsonObject();
        if (!field.Nullable && field.Type != FieldType.List)
        {
            constraints["required"] = true;
        }

        if (field.Pattern is not null)
        {
            constraints["pattern"] = field.Pattern;
        }

        if (field.Values.Length > 0)
        {
            constraints["enum"] = new JsonArray([.. field.Values.Select(v => (JsonNode)JsonValue.Create(v))]);
        }

        if (constraints.Count > 0)
        {
            result["constraints"] = constraints;
        }

        return result;
    }

    static IEnumerable<JsonNode> Sources(DatasetFacts facts, string baseUrl) =>
        facts.Sources.Select(s => (JsonNode)new JsonObject { ["title"] = s.Label, ["path"] = baseUrl + "/documents/" + s.Id })
            .Concat(facts.Dataset.ExternalSources.Select(s => (JsonNode)new JsonObject { ["title"] = s }));

    /// <summary>A DCAT catalog of every dataset with its CSV, JSON and datapackage.json distributions and the API service.</summary>
    public static JsonObject Dcat(IReadOnlyList<DatasetFacts> all, string baseUrl) => new()
    {
        ["@context"] = new JsonObject
        {
            ["dcat"] = "http://www.w3.org/ns/dcat#",
            ["dct"] = "http://purl.org/dc/terms/",
            ["foaf"] = "http://xmlns.com/foaf/0.1/",
            ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        },
        ["@id"] = baseUrl + "/datasets/catalog.jsonld",
        ["@type"] = "dcat:Catalog",
        ["dct:title"] = "新疆财政衔接推进乡村振兴补助资金公开数据",
        ["dct:description"] = "资金分配、项目、公告公示、绩效目标、区划和监督联系方式，每个数字注明来源文件。",
        ["dct:language"] = new JsonObject { ["@id"] = "http://id.loc.gov/vocabulary/iso639-1/zh" },
        ["foaf:homepage"] = new JsonObject { ["@id"] = baseUrl + "/datasets" },
        ["dcat:service"] = new JsonObject
        {
            ["@type"] = "dcat:DataService",
            ["dct:title"] = "开放数据接口 /api/v1",
            ["dcat:endpointURL"] = new JsonObject { ["@id"] = baseUrl + "/api/v1" },
            ["dcat:endpointDescription"] = new JsonObject { ["@id"] = baseUrl + "/api/v1/openapi.json" },
        },
        ["dcat:dataset"] = new JsonArray([.. all.Select(f => (JsonNode)DcatDataset(f, baseUrl))]),
    };

    static JsonObject DcatDataset(DatasetFacts facts, string baseUrl)
    {
        var d = facts.Dataset;
        return new JsonObject
        {
            ["@id"] = baseUrl + "/datasets#" + d.Name,
            ["@type"] = "dcat:Dataset",
            ["dct:identifier"] = d.Name,
            ["dct:title"] = d.Title,
            ["dct:description"] = d.Description,
            ["dct:modified"] = new JsonObject
            {
                ["@value"] = facts.LastChanged.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                ["@type"] = "xsd:dateTime",
            },
            ["dct:license"] = new JsonObject { ["@id"] = d.Licence.Url },
            ["dct:source"] = new JsonArray([.. facts.Sources.Select(s => (JsonNode)new JsonObject { ["@id"] = baseUrl + "/documents/" + s.Id })]),
            ["dcat:distribution"] = new JsonArray(
                Distribution("CSV", baseUrl + d.CsvPath, "text/csv", download: true),
                Distribution("JSON", baseUrl + d.JsonPath, "application/json", download: false),
                Distribution("Frictionless Data Package", baseUrl + "/datasets/" + d.Name + "/datapackage.json", "application/json", download: true)),
        };
    }

    static JsonObject Distribution(string title, string url, string mediaType, bool download) => new()
    {
        ["@type"] = "dcat:Distribution",
        ["dct:title"] = title,
        [download ? "dcat:downloadURL" : "dcat:accessURL"] = new JsonObject { ["@id"] = url },
        ["dcat:mediaType"] = new JsonObject { ["@id"] = "https://www.iana.org/assignments/media-types/" + mediaType },
    };
}
