namespace LinkagePortal.Api;

/// <summary>API errors as application/problem+json: which parameter and why, or which id was not found.</summary>
public static class ApiProblems
{
    public static IResult BadRequest(ApiQuery query) => BadRequest(query.Errors);

    public static IResult BadRequest(string parameter, string reason) =>
        BadRequest(new Dictionary<string, string[]> { [parameter] = [reason] });

    static IResult BadRequest(IDictionary<string, string[]> errors) => Results.ValidationProblem(
        errors,
        title: "参数错误（400）",
        detail: "请求的参数有误：" + string.Join("；", errors.Select(e => $"{e.Key}：{string.Join(" ", e.Value)}")),
        type: "https://www.rfc-editor.org/rfc/rfc9110#status.400");

    public static IResult NotFound(string detail) => Results.Problem(
        title: "不存在（404）",
        detail: detail,
        statusCode: StatusCodes.Status404NotFound,
        type: "https://www.rfc-editor.org/rfc/rfc9110#status.404");
}
